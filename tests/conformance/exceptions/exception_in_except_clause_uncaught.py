def handler():
    try:
        return [1][3]
    except IndexError as e:
        return e.missing_attribute

handler()
