import unittest

from app.pricing import PricingError, quote, line_price


class LinePriceTest(unittest.TestCase):
    def test_unit_price_times_quantity(self):
        self.assertEqual(line_price("bread", 3), 750)

    def test_bulk_discount_from_ten_items(self):
        self.assertEqual(line_price("apple", 9), 405)
        self.assertEqual(line_price("apple", 10), 428)  # 450 - 5% rounded down in the customer's favour

    def test_rejects_unknown_items_and_bad_quantities(self):
        with self.assertRaisesRegex(PricingError, "unknown item: caviar"):
            line_price("caviar", 1)
        for bad in (0, -1, 1.5, "2"):
            with self.assertRaises(PricingError):
                line_price("milk", bad)


class QuoteTest(unittest.TestCase):
    def test_vat_on_the_subtotal(self):
        q = quote({"apple": 2, "coffee": 1})
        self.assertEqual((q.subtotal, q.discount, q.vat, q.total), (989, 0, 197, 1186))

    def test_coupon_comes_off_before_vat(self):
        q = quote({"coffee": 2}, coupon="WELCOME10")
        self.assertEqual(q.subtotal, 1798)
        self.assertEqual(q.discount, 179)
        self.assertEqual(q.vat, (1798 - 179) * 20 // 100)
        self.assertEqual(q.total, 1798 - 179 + q.vat)

    def test_unknown_coupon_and_empty_basket_are_errors(self):
        with self.assertRaisesRegex(PricingError, "unknown coupon"):
            quote({"milk": 1}, coupon="FREE")
        with self.assertRaisesRegex(PricingError, "empty"):
            quote({})


if __name__ == "__main__":
    unittest.main()
