def request_response():
    while True:
        request = yield "ready"
        response = request.upper()
        yield response

r = request_response()
print(next(r))
print(r.send("hello"))
print(next(r))
print(r.send("again"))
