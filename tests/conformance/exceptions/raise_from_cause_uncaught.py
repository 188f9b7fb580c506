def load(config):
    try:
        return config["path"]
    except KeyError as e:
        raise RuntimeError("config is incomplete") from e

load({})
