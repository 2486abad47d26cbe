namespace Geo.Data.Wilayah.Import;

/// <summary>Streams the features of one boundary file, already in WGS 84 lon/lat.</summary>
public interface IBoundaryReader : IDisposable
{
    IEnumerable<BoundaryFeature> ReadFeatures();
}
