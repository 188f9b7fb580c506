class Config:
    name = "app"
    size = len(name) / 0
