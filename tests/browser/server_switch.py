"""A switch in front of the live server, so a browser test can take the kiosk's server away.

The browser talks to the switch's own address; the switch passes every
connection through to the live server until it is turned:
- ``off()``: nothing listens at the address any more, as when the server has
  stopped (the browser gets "connection refused");
- ``bad_gateway()``: every request is answered 502, as nginx does when the app
  server behind it is down;
- ``on()``: back to passing everything through.
Each turn also drops the connections the browser keeps open, so the very next
request sees the change.
"""

import contextlib
import socket
import threading

ACCEPT_POLL_SECONDS = 0.05
BAD_GATEWAY_PAGE = b"<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"


def _pump(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    for end in (source, sink):
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)


def _read_request(client: socket.socket) -> None:
    """Read one request, body included, so answering it does not reset the connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return
        body += chunk


def _answer_bad_gateway(client: socket.socket) -> None:
    try:
        _read_request(client)
        client.sendall(
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n"
            % len(BAD_GATEWAY_PAGE)
            + BAD_GATEWAY_PAGE
        )
    except OSError:
        pass
    finally:
        client.close()


class ServerSwitch:
    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.mode = "on"
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def on(self) -> None:
        self._turn("on")

    def bad_gateway(self) -> None:
        self._turn("bad_gateway")

    def off(self) -> None:
        self._turn("off")

    def close(self) -> None:
        self._turn("off")

    def _turn(self, mode: str) -> None:
        self.mode = mode
        self._drop_connections()
        if mode == "off":
            self._stop_listening()
        elif self._listener is None:
            self._listen()

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(ACCEPT_POLL_SECONDS)
        self._listener = listener
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(listener, self._stop), daemon=True
        )
        self._thread.start()

    def _stop_listening(self) -> None:
        if self._listener is None:
            return
        self._stop.set()
        self._thread.join()
        self._listener.close()
        self._listener = None

    def _drop_connections(self) -> None:
        with self._lock:
            connections, self._open = self._open, []
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()

    def _serve(self, listener: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            if self.mode == "bad_gateway":
                with self._lock:
                    self._open.append(client)  # a connection Chromium opened ahead, unused yet
                threading.Thread(target=_answer_bad_gateway, args=(client,), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            threading.Thread(target=_pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=_pump, args=(upstream, client), daemon=True).start()
