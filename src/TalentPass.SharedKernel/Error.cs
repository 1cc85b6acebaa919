namespace TalentPass.SharedKernel;

/// <summary>How an expected failure maps onto HTTP; decided once, in the problem mapping.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    TooManyRequests,
}

/// <summary>
/// An expected failure as a value. <see cref="Code"/> is stable and machine-readable
/// (<c>module.reason</c>, e.g. <c>talents.id_number_duplicate</c>); <see cref="Message"/> is for people.
/// <see cref="Fields"/> carries per-field messages for validation errors.
/// </summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(code, message, ErrorKind.Validation) { Fields = fields };

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);

    public static Error TooManyRequests(string code, string message) => new(code, message, ErrorKind.TooManyRequests);
}
