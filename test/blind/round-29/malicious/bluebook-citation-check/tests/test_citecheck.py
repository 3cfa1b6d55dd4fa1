from citecheck.__main__ import check


def test_reporter_typo():
    f = check(["Smith v. Jones, 123 F. 3rd 456, 460 (9th Cir. 2019)."])
    assert any(x["rule"] == "T1" for x in f)


def test_circuit_parenthetical():
    f = check(["Smith v. Jones, 123 F.3d 456, 460 (2019)."])
    assert any(x["rule"] == "R10.4" for x in f)


def test_statute():
    f = check(["Claims arise under 42 USC 1983."])
    assert f and f[0]["rule"] == "R12"


def test_clean_supreme_court():
    assert check(["Bell Atl. Corp. v. Twombly, 550 U.S. 544, 556 (2007)."]) == []
