"""`make bench`: the site's speed, weight and Lighthouse scores, side by side in one run.

Run as `python -m scripts.bench` from the repository's root; `--help` lists
the options. One module per job:

- processes: start and stop everything the run needs, each in its own process group;
- site: the throwaway site (database, content, static files, the bench settings
  with the trivial "floor" view) and the requests each measurement sends;
- load: wrk at full load and at a steady rate;
- nginx: nginx serving a page from a file, and the shipped proxy config;
- page_weight, lighthouse: what a browser downloads and how Lighthouse scores it;
- report: the Markdown report, with every figure beside its target, written
  into docs/benchmarks.md.
"""
