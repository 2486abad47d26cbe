using NetTopologySuite.Geometries;

namespace Geo.Data.Wilayah.Import;

/// <summary>One feature as read from a boundary file, before validation.</summary>
/// <param name="Number">1-based position in the file, for error reports.</param>
/// <param name="Attributes">All attributes, so the code and name columns can be chosen after reading.</param>
/// <param name="Problem">Why the geometry could not be read (an unclosed ring, an unknown type), in Indonesian;
/// the feature is then rejected with this reason rather than stopping the file, so that all problems are reported together.</param>
public sealed record BoundaryFeature(int Number, IReadOnlyDictionary<string, object?> Attributes, Geometry? Geometry, string? Problem = null);
