"""A small quote service: prices a basket of items with coupons, over HTTP."""

__version__ = "dev"
