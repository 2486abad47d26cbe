namespace Geo.Data.Indikator.Import;

/// <summary>A file that cannot be read as a table at all (as opposed to rows that are rejected).</summary>
public sealed class IndikatorFileException(string message) : Exception(message);
