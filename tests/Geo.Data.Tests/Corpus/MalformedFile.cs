using Geo.Core.Errors;

namespace Geo.Data.Tests.Corpus;

/// <summary>
/// One case of the malformed-input corpus: a file made by code (so the corpus is generated, not
/// hand-picked), what the import must answer, and a word the Indonesian detail must contain.
/// The API, data-layer and CLI tests replay the same corpora through one helper each.
/// </summary>
/// <param name="Case">What is wrong, as the test name shows it.</param>
/// <param name="FileName">The name it is uploaded under (its extension picks the reader).</param>
/// <param name="Content">The bytes.</param>
/// <param name="Kind">The error kind expected; null where the import answers with a rejection report (422) instead.</param>
/// <param name="DetailContains">A fragment of the Indonesian detail (or of a rejection reason), case-insensitive.</param>
/// <param name="Query">Extra import options, as a query string for the API (e.g. "tingkat=desa").</param>
public sealed record MalformedFile(string Case, string FileName, byte[] Content, GeoErrorKind? Kind, string DetailContains, string Query = "")
{
    public override string ToString() => Case;
}
