"""Public checks released with the toy notebook."""


def check(name):
    print(f"checked {name}")
