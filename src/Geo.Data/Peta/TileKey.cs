using Geo.Core.Wilayah;

namespace Geo.Data.Peta;

/// <summary>
/// What a map response shows (a tile, and the TileJSON and features of the same layer). Each kind
/// names the data versions it is built from: that tag is the ETag and decides whether a cached
/// tile is still current.
/// </summary>
public abstract record TileSource
{
    public abstract string VersionTag(DataVersi versi);

    /// <summary>Weak, because the same response leaves raw or gzip-encoded.</summary>
    public string ETag(DataVersi versi) => $"W/\"{VersionTag(versi)}\"";
}

/// <summary>An administrative level, with the published values of one indicator and period or without.</summary>
public sealed record WilayahTileSource(PetaLayer Layer, NilaiLayer? Nilai) : TileSource
{
    public override string VersionTag(DataVersi versi) => Nilai is null ? $"w{versi.Wilayah}" : $"w{versi.Wilayah}n{versi.Nilai}";
}

/// <summary>The units of one stored analysis run; a run replaced or removed changes the analysis version.</summary>
public sealed record AnalysisTileSource(long RunId) : TileSource
{
    public override string VersionTag(DataVersi versi) => $"w{versi.Wilayah}a{versi.Analisis}";
}

/// <summary>
/// One tile as the caller may see it: the cache key of the tile pipeline, through which the
/// caller's area enters every tile query once. <paramref name="Berperan"/>: the caller holds a
/// role, so it may see runs on drafts within its area (only analysis tiles need it).
/// </summary>
public sealed record TileKey(TileSource Source, TileAddress Address, WilayahScope Scope, bool Berperan = false)
{
    public string ETag(DataVersi versi) => Source.ETag(versi);

    /// <summary>The same for every caller: the whole country's public tile (not an area's, not a role holder's view).</summary>
    public bool Shared => Scope.Root is null && !Berperan;

    /// <summary>A tile read at <paramref name="tile"/> is current while the versions it depends on are.</summary>
    public bool IsCurrent(DataVersi tile, DataVersi current) => Source.VersionTag(tile) == Source.VersionTag(current);
}
