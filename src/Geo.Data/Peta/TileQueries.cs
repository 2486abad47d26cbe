using Geo.Core.Wilayah;
using Npgsql;

namespace Geo.Data.Peta;

public sealed record TileAddress(int Z, int X, int Y)
{
    public const int MaxZoom = 22;

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
}

/// <summary>A Mapbox vector tile (possibly empty: no bytes) and the data versions it was built from.</summary>
public sealed record Tile(byte[] Mvt, DataVersi Versi);

/// <summary>Runs the tile SQL of <see cref="TileSql"/>; the server adds only caching and HTTP around it.</summary>
public sealed class TileQueries(TileDataSource tiles)
{
    public Task<bool> IndikatorExistsAsync(string kode, CancellationToken ct = default) =>
        NilaiLayer.IndikatorExistsAsync(tiles.DataSource, kode, ct);

    public Task<Tile> GetAsync(PetaLayer layer, TileAddress tile, WilayahScope scope, NilaiLayer? nilai = null, CancellationToken ct = default) =>
        nilai is null
            ? RunAsync(layer, tile, scope, TileValues.None, [], ct)
            : RunAsync(layer, tile, scope, TileValues.Nilai,
                [new NpgsqlParameter<string> { TypedValue = nilai.Indikator }, new NpgsqlParameter<string> { TypedValue = nilai.Periode.Value }], ct);

    /// <summary>A tile of one stored analysis run, at the level its units are.</summary>
    public Task<Tile> GetAnalysisAsync(AnalysisLayer analysis, TileAddress tile, WilayahScope scope, CancellationToken ct = default) =>
        RunAsync(analysis.Layer, tile, scope, TileValues.Analisis, [new NpgsqlParameter<long> { TypedValue = analysis.Id }], ct);

    private async Task<Tile> RunAsync(PetaLayer layer, TileAddress tile, WilayahScope scope, TileValues values,
        NpgsqlParameter[] valueParameters, CancellationToken ct)
    {
        await using var conn = await tiles.DataSource.OpenConnectionAsync(ct);
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
        return new Tile(reader.GetFieldValue<byte[]>(3), new DataVersi(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }
}
