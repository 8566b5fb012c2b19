// Lighthouse on the symptom checker's result page, which only a POST reaches.
//
// Usage: node result-flow.mjs BASE_URL OUTPUT.json
//
// Puppeteer walks the checker as a person would, with JavaScript off so that
// every step is a real form post (with JavaScript, htmx swaps the steps in
// place and there is no navigation to measure). JavaScript comes back on for
// the final "See my result": Lighthouse measures that navigation, a POST that
// loads the result page as a browser really gets it.
import { readFile, writeFile } from "node:fs/promises";

import { startFlow } from "lighthouse";
import puppeteer from "puppeteer-core";

const [base, output] = process.argv.slice(2);
if (!base || !output) {
  console.error("usage: node result-flow.mjs BASE_URL OUTPUT.json");
  process.exit(2);
}

// The same flags as the browser tests (tests/conftest.py), kept in one file.
const CHROMIUM = JSON.parse(await readFile(new URL("../chromium.json", import.meta.url), "utf8"));
const CHROMIUM_ARGS = ["--headless=new", ...CHROMIUM.flags];

// A check with a clear result: fever and back pain after spine surgery.
const AGE = "58";
const YES = new Set(["fever", "back_pain", "recent_spinal_procedure"]);

async function step(page) {
  return page.$eval("#checker", (node) => node.dataset.step);
}

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.click('button[name="action"][value="next"]')]);
}

async function answerCurrentStep(page, key) {
  if (key === "age") {
    await page.type('input[name="age"]', AGE);
  } else if (key === "red_flags") {
    await page.click('input[name="none"]');
  } else {
    const names = await page.$$eval('input[type="radio"]', (inputs) => [
      ...new Set(inputs.map((input) => input.name)),
    ]);
    for (const name of names) {
      const value = YES.has(name) ? "yes" : "no";
      await page.click(`input[name="${name}"][value="${value}"]`);
    }
  }
}

const browser = await puppeteer.launch({
  executablePath: CHROMIUM.executable,
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(`${base}/check/`);
  for (let i = 0; i < 20 && (await step(page)) !== "review"; i++) {
    const key = await step(page);
    await answerCurrentStep(page, key);
    await submit(page);
    if ((await step(page)) === key) {
      throw new Error(`the checker stayed on step ${key}`);
    }
  }
  if ((await step(page)) !== "review") {
    throw new Error("the checker never reached the summary");
  }
  await page.setJavaScriptEnabled(true);

  const flow = await startFlow(page, { name: "Symptom checker result" });
  await flow.startNavigation({ stepName: "See my result" });
  await submit(page);
  await flow.endNavigation();
  if ((await step(page)) !== "result") {
    throw new Error("the final submit did not show the result");
  }
  const result = await flow.createFlowResult();
  await writeFile(output, JSON.stringify(result.steps[0].lhr));
} finally {
  await browser.close();
}
