"""A TCP proxy the tests can cut, in front of a real server."""

import contextlib
import socket
import threading

from tests.processes import free_port


class TcpProxy:
    """A loopback port that forwards to a server (PostgreSQL, object storage), and that the
    test can cut: for its clients, the server stops answering (as in a restart or a
    network cut), and answers again after ``start``."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port()
        self.listener = None
        self.connections: list[socket.socket] = []

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        # Shut down first: a close() alone leaves the socket listening while a thread is
        # blocked in accept() on it (Linux), and new connections would still get through.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for connection in self.connections:
            connection.close()
        self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.close()
