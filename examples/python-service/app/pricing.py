"""Pricing rules: unit prices in cents, quantity discounts, coupons, and VAT."""

from dataclasses import dataclass

CATALOGUE = {
    "apple": 45,
    "bread": 250,
    "coffee": 899,
    "milk": 119,
}

COUPONS = {
    "WELCOME10": 10,  # percent off the subtotal
    "STAFF25": 25,
}

VAT_PERCENT = 20
BULK_THRESHOLD = 10  # this many of one item or more ...
BULK_PERCENT = 5  # ... takes this much off that line


class PricingError(ValueError):
    """A basket that cannot be priced: unknown item, bad quantity, unknown coupon."""


@dataclass(frozen=True)
class Quote:
    subtotal: int
    discount: int
    vat: int
    total: int

    def as_dict(self):
        return {"subtotal": self.subtotal, "discount": self.discount, "vat": self.vat, "total": self.total}


def line_price(item, quantity):
    if item not in CATALOGUE:
        raise PricingError(f"unknown item: {item}")
    if not isinstance(quantity, int) or quantity <= 0:
        raise PricingError(f"quantity of {item} must be a positive integer")
    gross = CATALOGUE[item] * quantity
    if quantity >= BULK_THRESHOLD:
        gross -= gross * BULK_PERCENT // 100
    return gross


def quote(basket, coupon=None):
    """Prices a basket {item: quantity}; amounts in cents, rounded down in the customer's favour."""
    if not basket:
        raise PricingError("the basket is empty")
    subtotal = sum(line_price(item, quantity) for item, quantity in sorted(basket.items()))
    discount = 0
    if coupon is not None:
        if coupon not in COUPONS:
            raise PricingError(f"unknown coupon: {coupon}")
        discount = subtotal * COUPONS[coupon] // 100
    net = subtotal - discount
    vat = net * VAT_PERCENT // 100
    return Quote(subtotal=subtotal, discount=discount, vat=vat, total=net + vat)
