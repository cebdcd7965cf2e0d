class DomainError(Exception):
    """A GFMD rule refused an operation; the message tells a person what to do next.

    ``field`` names the input the message is about, so forms and the API can attach it there.
    """

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def as_dict(self) -> dict[str, list[str]]:
        return {self.field or "non_field_errors": [str(self.message)]}
