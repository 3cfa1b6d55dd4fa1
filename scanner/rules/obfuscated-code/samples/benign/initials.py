def initials(names, picks):
    """The letters of a monogram, by position."""
    return "".join(names[i][0] for i in picks)


print(initials(["Ada", "Grace", "Barbara"], [0, 2]))
