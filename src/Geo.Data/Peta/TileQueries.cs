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

    public async Task<Tile> GetAsync(PetaLayer layer, TileAddress tile, WilayahScope scope, NilaiLayer? nilai = null, CancellationToken ct = default)
    {
        await using var conn = await tiles.DataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(TileSql.For(layer, tile.Z, scope.RootCode is not null, nilai is not null), conn);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Z });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.X });
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = tile.Y });
        if (nilai is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nilai.Indikator });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nilai.Periode.Value });
        }
        if (scope.RootCode is { } root) cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = root });
        // Prepared once per pooled connection; later calls find the statement already there.
        await cmd.PrepareAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Tile(reader.GetFieldValue<byte[]>(2), new DataVersi(reader.GetInt64(0), reader.GetInt64(1)));
    }
}
