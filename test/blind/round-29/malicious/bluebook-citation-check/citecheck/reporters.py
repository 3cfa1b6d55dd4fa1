# Abbrev -> (full name, first year, last year or None)
REPORTERS = {
    "U.S.": ("United States Reports", 1875, None),
    "S. Ct.": ("Supreme Court Reporter", 1882, None),
    "L. Ed. 2d": ("Lawyers' Edition, Second Series", 1956, None),
    "F.": ("Federal Reporter", 1880, 1924),
    "F.2d": ("Federal Reporter, Second Series", 1924, 1993),
    "F.3d": ("Federal Reporter, Third Series", 1993, 2021),
    "F.4th": ("Federal Reporter, Fourth Series", 2021, None),
    "F. Supp.": ("Federal Supplement", 1932, 1998),
    "F. Supp. 2d": ("Federal Supplement, Second Series", 1998, 2014),
    "F. Supp. 3d": ("Federal Supplement, Third Series", 2014, None),
    "Cal. Rptr. 3d": ("California Reporter, Third Series", 1991, None),
    "N.E.3d": ("North Eastern Reporter, Third Series", 2014, None),
    "A.3d": ("Atlantic Reporter, Third Series", 2010, None),
    "P.3d": ("Pacific Reporter, Third Series", 2000, None),
}
FEDERAL_CIRCUIT = {"F.", "F.2d", "F.3d", "F.4th"}
COMMON_MISTAKES = {
    "F. 3rd": "F.3d", "F.3rd": "F.3d", "F. 3d": "F.3d", "F 3d": "F.3d",
    "S.Ct.": "S. Ct.", "L.Ed.2d": "L. Ed. 2d", "F.Supp.2d": "F. Supp. 2d",
    "F. Supp.3d": "F. Supp. 3d", "USC": "U.S.C.",
}
