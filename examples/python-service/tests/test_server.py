import json
import threading
import unittest
import urllib.error
import urllib.request

from app.server import make_server


class ServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = make_server(0)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def request(self, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method="POST" if data else "GET")
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def test_health(self):
        self.assertEqual(self.request("/health"), (200, {"status": "ok"}))

    def test_quote(self):
        status, body = self.request("/quote", {"basket": {"bread": 2}, "coupon": "STAFF25"})
        self.assertEqual(status, 200)
        self.assertEqual(body, {"subtotal": 500, "discount": 125, "vat": 75, "total": 450})

    def test_bad_basket_is_a_400_with_the_reason(self):
        status, body = self.request("/quote", {"basket": {"caviar": 1}})
        self.assertEqual(status, 400)
        self.assertEqual(body["error"], "unknown item: caviar")

    def test_unknown_route(self):
        self.assertEqual(self.request("/nope")[0], 404)


if __name__ == "__main__":
    unittest.main()
