"""nginx two ways: serving the condition page's bytes from a file, and the shipped proxy config.

Both over TLS with one throwaway certificate, HTTP/1.1 with keep-alive, access
log on: the proxy exactly as deploy/nginx/guide.conf.in is rendered for a
site (deploy/render_nginx.py), the file server as small as nginx gets. The
ratio of the two is what the proxy's cache is worth.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from deploy.render_nginx import render, standalone_nginx_conf
from scripts.bench.processes import HOST, Processes

FILE_SERVER = """
server {{
    listen {host}:{port} ssl;
    ssl_certificate {folder}/certificate.pem;
    ssl_certificate_key {folder}/key.pem;
    access_log {folder}/file-access.log;
    root {folder}/www;
    default_type text/html;
    location / {{ try_files $uri $uri/index.html =404; }}
}}
"""


class Nginx:
    """A folder of its own for each run: nginx's unprivileged workers must read it."""

    def __init__(self, procs: Processes):
        self.procs = procs
        self.folder = Path(tempfile.mkdtemp(prefix="guide-bench-nginx-"))
        self.folder.chmod(0o755)
        subprocess.run(  # noqa: S603
            [
                *("openssl", "req", "-x509", "-nodes", "-days", "1"),
                *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
                *("-subj", f"/CN={HOST}", "-addext", f"subjectAltName=IP:{HOST}"),
                *("-keyout", str(self.folder / "key.pem")),
                *("-out", str(self.folder / "certificate.pem")),
            ],
            check=True,
            capture_output=True,
        )

    def _start(self, name: str, site: str, port: int) -> subprocess.Popen:
        site_conf = self.folder / f"{name}.conf"
        site_conf.write_text(site)
        main_conf = self.folder / f"{name}-nginx.conf"
        main_conf.write_text(
            standalone_nginx_conf(self.folder, site_conf, as_root=os.geteuid() == 0).replace(
                "nginx.pid", f"{name}.pid"
            )
        )
        command = ["nginx", "-c", str(main_conf), "-p", str(self.folder)]
        return self.procs.serve(
            [*command, "-e", str(self.folder / f"{name}-error.log")],
            port,
            f"nginx ({name})",
            stdout=subprocess.DEVNULL,
        )

    def serve_file(self, path: str, body: bytes, port: int) -> subprocess.Popen:
        page = self.folder / "www" / path.strip("/") / "index.html"
        page.parent.mkdir(parents=True)
        page.write_bytes(body)
        for folder in [page.parent, *page.parent.parents]:
            if folder == self.folder:
                break
            folder.chmod(0o755)
        page.chmod(0o644)
        return self._start(
            "file", FILE_SERVER.format(host=HOST, port=port, folder=self.folder), port
        )

    def serve_proxy(self, app_port: int, static_root: Path, port: int) -> subprocess.Popen:
        site = render(
            SERVER_NAME=HOST,
            HTTP_LISTEN=f"{HOST}:{port + 1}",
            HTTPS_LISTEN=f"{HOST}:{port}",
            APP_UPSTREAM=f"{HOST}:{app_port}",
            TLS_CERTIFICATE=str(self.folder / "certificate.pem"),
            TLS_CERTIFICATE_KEY=str(self.folder / "key.pem"),
            STATIC_ROOT=str(static_root),
            CACHE_DIR=str(self.folder / "cache"),
            LOG_DIR=str(self.folder),
        )
        return self._start("proxy", site, port)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def version() -> str:
    done = subprocess.run(["nginx", "-v"], capture_output=True, text=True, check=False)  # noqa: S607
    return done.stderr.strip().replace("nginx version: nginx/", "nginx ")
