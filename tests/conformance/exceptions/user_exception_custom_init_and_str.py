class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem

    def __str__(self):
        return f"{self.field}: {self.problem}"

try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e)
    print(e.args)
    print(e.field)
raise ValidationError("name", "is empty")
