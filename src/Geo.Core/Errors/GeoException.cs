namespace Geo.Core.Errors;

/// <summary>
/// The one error Geo reports to people: what kind of failure it is (which decides the HTTP status
/// and the CLI exit code, each mapped once, in the host and in the CLI), an Indonesian sentence
/// saying what is wrong, and where in the input it happened. Anything else that escapes is a bug.
/// </summary>
public sealed class GeoException : Exception
{
    public GeoException(GeoErrorKind kind, string detail, GeoErrorLocation? lokasi = null, Exception? inner = null)
        : base(detail, inner)
    {
        Kind = kind;
        Lokasi = lokasi is { IsEmpty: false } ? lokasi : null;
    }

    public GeoErrorKind Kind { get; }

    /// <summary>Where it happened, when the input has places (file, row, feature, field, parameter).</summary>
    public GeoErrorLocation? Lokasi { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string Detail => Message;

    /// <summary>The place and the detail as one line: "data.csv, baris 12, kolom pembilang: ...".</summary>
    public string Describe() => Lokasi is { } where ? $"{where}: {Detail}" : Detail;

    /// <summary>The same error with a place filled in where it had none (an outer reader knows the file).</summary>
    public GeoException At(GeoErrorLocation where) =>
        new(Kind, Detail, Lokasi is null ? where : Lokasi.Merge(where), InnerException);

    public static GeoException Invalid(string detail, GeoErrorLocation? lokasi = null, Exception? inner = null) =>
        new(GeoErrorKind.Invalid, detail, lokasi, inner);

    public static GeoException NotFound(string detail, GeoErrorLocation? lokasi = null) =>
        new(GeoErrorKind.NotFound, detail, lokasi);

    public static GeoException Conflict(string detail) => new(GeoErrorKind.Conflict, detail);

    public static GeoException TooLarge(string detail, GeoErrorLocation? lokasi = null) =>
        new(GeoErrorKind.TooLarge, detail, lokasi);

    public static GeoException Forbidden(string detail) => new(GeoErrorKind.Forbidden, detail);

    public static GeoException Unauthenticated(string detail) => new(GeoErrorKind.Unauthenticated, detail);

    public static GeoException Unavailable(string detail, Exception? inner = null) =>
        new(GeoErrorKind.Unavailable, detail, null, inner);

    /// <summary>The parameter named is malformed or out of range.</summary>
    public static GeoException Parameter(string name, string detail) =>
        new(GeoErrorKind.Invalid, detail, new GeoErrorLocation(Parameter: name));
}

/// <summary>
/// What kind of failure, from the caller's side. The host maps it to an HTTP status and the CLI to
/// an exit code (both documented in the README); nothing else decides either.
/// </summary>
public enum GeoErrorKind
{
    /// <summary>The request or file is malformed or out of range (400; exit 2).</summary>
    Invalid,

    /// <summary>What was named does not exist (404; exit 3).</summary>
    NotFound,

    /// <summary>The state forbids it: already withdrawn, already exists, changed meanwhile (409; exit 4).</summary>
    Conflict,

    /// <summary>Over a stated limit: bytes, rows, entries, features (413; exit 5).</summary>
    TooLarge,

    /// <summary>Not allowed for this account or outside its area (403; exit 6).</summary>
    Forbidden,

    /// <summary>The database cannot be reached now; try again later (503 with Retry-After; exit 7).</summary>
    Unavailable,

    /// <summary>Not signed in, or the sign-in failed: wrong password, locked out, token expired or revoked (401; exit 9).</summary>
    Unauthenticated,

    /// <summary>Too many requests from one anonymous address; wait (429 with Retry-After; exit 10).</summary>
    TooManyRequests,
}

/// <summary>
/// Where in the input an error happened; every part optional. Rows and features count from 1 as a
/// person counts them in the file.
/// </summary>
public sealed record GeoErrorLocation(
    string? Berkas = null, string? Entri = null, string? Lembar = null, long? Baris = null, long? Fitur = null,
    string? Kolom = null, string? Sel = null, string? Parameter = null)
{
    public bool IsEmpty => this == Empty;

    private static readonly GeoErrorLocation Empty = new();

    /// <summary>This location, with the parts it lacks taken from <paramref name="outer"/>.</summary>
    public GeoErrorLocation Merge(GeoErrorLocation outer) => new(
        Berkas ?? outer.Berkas, Entri ?? outer.Entri, Lembar ?? outer.Lembar, Baris ?? outer.Baris, Fitur ?? outer.Fitur,
        Kolom ?? outer.Kolom, Sel ?? outer.Sel, Parameter ?? outer.Parameter);

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Berkas is not null) parts.Add(Berkas);
        if (Entri is not null) parts.Add($"entri {Entri}");
        if (Lembar is not null) parts.Add($"lembar {Lembar}");
        if (Sel is not null) parts.Add($"sel {Sel}");
        if (Baris is not null) parts.Add($"baris {Baris}");
        if (Fitur is not null) parts.Add($"fitur {Fitur}");
        if (Kolom is not null) parts.Add($"kolom {Kolom}");
        if (Parameter is not null) parts.Add($"parameter {Parameter}");
        return string.Join(", ", parts);
    }
}
