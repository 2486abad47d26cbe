using System.Collections.Concurrent;
using System.Globalization;
using Geo.Core.Errors;
using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Peta;

public sealed record TileAddress(int Z, int X, int Y)
{
    public const int MaxZoom = 22;

    /// <summary>The address in a URL's z/x/y, or a 400 that says what is wrong with it.</summary>
    public static TileAddress Parse(string z, string x, string y)
    {
        if (!TryInt(z, out var zi) || !TryInt(x, out var xi) || !TryInt(y, out var yi))
        {
            throw GeoException.Invalid($"z, x dan y harus bilangan bulat: {z}/{x}/{y}");
        }
        var address = new TileAddress(zi, xi, yi);
        return address.Problem() is { } outOfRange ? throw GeoException.Invalid($"petak {address} di luar jangkauan: {outOfRange}") : address;
    }

    /// <summary>Null when valid, else why not (z 0..22, x and y 0..2^z-1).</summary>
    public string? Problem()
    {
        if (Z is < 0 or > MaxZoom) return $"z harus 0..{MaxZoom}";
        var n = 1 << Z;
        if (X < 0 || X >= n) return $"x harus 0..{n - 1} pada z{Z}";
        if (Y < 0 || Y >= n) return $"y harus 0..{n - 1} pada z{Z}";
        return null;
    }

    public override string ToString() => $"{Z}/{X}/{Y}";

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

/// <summary>A Mapbox vector tile (possibly empty: no bytes) and the data versions it was built from.</summary>
public sealed record Tile(byte[] Mvt, DataVersi Versi);

/// <summary>
/// Runs the tile SQL of <see cref="TileSql"/> for a <see cref="TileKey"/>, and answers what a map
/// request names (an indicator, an analysis run) before any tile is built; the server adds only
/// caching and HTTP around it.
/// </summary>
public sealed class TileQueries(TileDataSource tiles, DataVersiTracker versions)
{
    // Indicators once found; an unknown code is looked up again each time, so a new one is found at once.
    private readonly ConcurrentDictionary<string, bool> _knownIndikator = new(StringComparer.Ordinal);

    /// <summary>The tile, or a 404 when the indicator or analysis run it names does not exist.</summary>
    public async Task<Tile> GetAsync(TileKey key, CancellationToken ct = default)
    {
        switch (key.Source)
        {
            case WilayahTileSource { Nilai: null } source:
                // Below a layer's minzoom there is nothing to draw: no query, the versions now current.
                return key.Address.Z < source.Layer.MinZoom
                    ? new Tile([], versions.Current)
                    : (await RunAsync(tiles.DataSource, source.Layer, key, TileValues.None, [], ct))!;
            case WilayahTileSource { Nilai: { } nilai } source:
                await EnsureIndikatorAsync(nilai, ct);
                return key.Address.Z < source.Layer.MinZoom
                    ? new Tile([], versions.Current)
                    : (await RunAsync(tiles.DataSource, source.Layer, key, TileValues.Nilai,
                        [new NpgsqlParameter<string> { TypedValue = nilai.Indikator }, new NpgsqlParameter<string> { TypedValue = nilai.Periode.Value }], ct))!;
            case AnalysisTileSource source:
                // A run just stored on the primary may not have reached the standby: its tiles then come from the primary.
                var (run, where) = await FindAnalysisWhereAsync(source.RunId, key.Scope, key.Berperan, fresh: false, ct);
                var tile = await RunAsync(where, run.Layer, key, TileValues.Analisis, [new NpgsqlParameter<long> { TypedValue = run.Id }], ct);
                if (tile is null)
                {
                    _runs.TryRemove(run.Id, out _);
                    throw RunNotFound(run.Id);
                }
                return tile;
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key.Source, "unknown tile source");
        }
    }

    /// <summary>A 404 unless the indicator is in the catalogue.</summary>
    public async Task EnsureIndikatorAsync(NilaiLayer nilai, CancellationToken ct = default)
    {
        if (_knownIndikator.ContainsKey(nilai.Indikator)) return;
        if (!await NilaiLayer.IndikatorExistsAsync(tiles.DataSource, nilai.Indikator, ct))
        {
            throw GeoException.NotFound($"indikator '{nilai.Indikator}' tidak ada di katalog indikator");
        }
        _knownIndikator[nilai.Indikator] = true;
    }

    /// <summary>
    /// A stored analysis run the caller may see, or a 404: a run outside the area, or a run on
    /// drafts for a caller without a role (<paramref name="berperan"/>), is not said to exist.
    /// </summary>
    public async Task<AnalysisLayer> FindAnalysisAsync(long id, WilayahScope scope, bool berperan, CancellationToken ct = default) =>
        (await FindAnalysisWhereAsync(id, scope, berperan, fresh: true, ct)).Run;

    /// <param name="fresh">Read the run now (its TileJSON: a removed run is a 404 there too), not from what tiles found.</param>
    private async Task<(AnalysisLayer Run, NpgsqlDataSource Where)> FindAnalysisWhereAsync(long id, WilayahScope scope, bool berperan, bool fresh, CancellationToken ct)
    {
        // A run's description never changes (new data make a new run), so it is read once, not at every tile miss;
        // a run removed since is found out by the tile query itself.
        (AnalysisLayer Run, NpgsqlDataSource Where) known;
        if (!fresh && _runs.TryGetValue(id, out var cached))
        {
            known = (cached, tiles.DataSource);
        }
        else
        {
            var where = tiles.DataSource;
            var found = await AnalysisLayer.FindAsync(where, id, ct);
            if (found is null && !ReferenceEquals(tiles.Primary, tiles.DataSource))
            {
                where = tiles.Primary;
                found = await AnalysisLayer.FindAsync(where, id, ct);
            }
            if (found is null) throw RunNotFound(id);
            known = (found, where);
            // Kept only when found where tiles are read: found on the primary only, it is asked again later, when the standby has it.
            if (ReferenceEquals(where, tiles.DataSource))
            {
                if (_runs.Count >= MaxKnownRuns) _runs.Clear();
                _runs[id] = found;
            }
        }
        return Geo.Data.Analisis.AnalysisStore.MaySee(scope, berperan, known.Run.Wilayah, known.Run.Tampilan) ? known : throw RunNotFound(id);
    }

    private const int MaxKnownRuns = 10_000;

    private readonly ConcurrentDictionary<long, AnalysisLayer> _runs = new();

    private static GeoException RunNotFound(long id) =>
        GeoException.NotFound($"analisis {id} tidak ada (mungkin sudah diganti oleh analisis yang lebih baru atau dihapus dari simpanan karena lama tidak dipakai; minta lagi lewat /api/analisis)");

    /// <summary>The tile, or null when the analysis run it draws no longer exists.</summary>
    private static async Task<Tile?> RunAsync(NpgsqlDataSource where, PetaLayer layer, TileKey key, TileValues values, NpgsqlParameter[] valueParameters, CancellationToken ct)
    {
        var (tile, scope) = (key.Address, key.Scope);
        await using var conn = await where.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(TileSql.For(layer, tile.Z, scope.RootCode is not null, values), conn);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.X });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Y });
        cmd.Parameters.AddRange(valueParameters);
        if (scope.RootCode is { } root) cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = root });
        // Prepared once per pooled connection; later calls find the statement already there.
        await cmd.PrepareAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (values == TileValues.Analisis && !reader.GetBoolean(4)) return null;
        return new Tile(reader.GetFieldValue<byte[]>(3), new DataVersi(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }
}
