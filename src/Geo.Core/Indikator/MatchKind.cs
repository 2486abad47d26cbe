namespace Geo.Core.Indikator;

/// <summary>How a name in a file was tied to a wilayah; anything but <see cref="Exact"/> is listed to the user.</summary>
public enum MatchKind
{
    Kode,
    Exact,
    IgnoringSpaces,
    PartialName,
    SimilarSpelling,
}
