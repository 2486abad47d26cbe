using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace Geo.Api.Tests.Peta;

/// <summary>Decodes a returned tile with NetTopologySuite's Mapbox reader (protobuf-net under it).</summary>
internal static class MvtDecoder
{
    public const string IdAttribute = "__fid";

    public sealed record DecodedFeature(long Id, IReadOnlyDictionary<string, object?> Attributes);

    public sealed record DecodedLayer(string Name, IReadOnlyList<DecodedFeature> Features);

    public static IReadOnlyList<DecodedLayer> Decode(byte[] mvt, int z, int x, int y)
    {
        if (mvt.Length == 0) return [];
        var tile = new MapboxTileReader().Read(new MemoryStream(mvt), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(x, y, z), IdAttribute);
        return tile.Layers.Select(l => new DecodedLayer(l.Name, l.Features.Select(f =>
        {
            var names = f.Attributes.GetNames();
            var attributes = names.Where(n => n != IdAttribute).ToDictionary(n => n, n => (object?)f.Attributes[n]);
            return new DecodedFeature(Convert.ToInt64(f.Attributes[IdAttribute]), attributes);
        }).ToList())).ToList();
    }
}
