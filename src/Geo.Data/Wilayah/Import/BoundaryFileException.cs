namespace Geo.Data.Wilayah.Import;

/// <summary>The file as a whole cannot be read (unknown format, broken archive, unreadable CRS).</summary>
public sealed class BoundaryFileException(string message) : Exception(message);
