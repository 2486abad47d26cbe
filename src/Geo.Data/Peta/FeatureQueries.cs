using Geo.Core.Wilayah;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Peta;

/// <summary>Filters of an OGC API Features items request, already validated.</summary>
public sealed record FeatureFilter(
    PetaLayer Layer, WilayahScope Scope, Bbox? Bbox, string? KodePrefix, string? Induk, int Limit, int Offset, NilaiLayer? Nilai = null);

/// <summary>A lon/lat box in CRS84.</summary>
public readonly record struct Bbox(double MinX, double MinY, double MaxX, double MaxY);

/// <summary>One page of features: the GeoJSON array text as PostGIS wrote it, and the counts.</summary>
public sealed record FeaturePage(long NumberMatched, int NumberReturned, string FeaturesJson, DataVersi Versi);

/// <summary>
/// GeoJSON for OGC API Features, written by PostGIS (ST_AsGeoJSON, json_build_object) and passed
/// through as text: the server never materialises geometries.
/// </summary>
public sealed class FeatureQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A feature's JSON; with values, $N is the indicator and $N+1 the period.</summary>
    private static string Feature(int? nilaiParameter)
    {
        var values = nilaiParameter is { } p
            ? $", 'indikator', ${p}::text, 'periode', ${p + 1}::text, 'nilai', n.nilai, 'pembilang', n.pembilang, 'penyebut', n.penyebut, 'sumber', n.sumber, 'sintetis', n.sintetis"
            : "";
        return $"""
            json_build_object('type', 'Feature', 'id', w.kode, 'geometry', ST_AsGeoJSON(w.geom, 6)::json,
                              'properties', json_build_object('kode', w.kode, 'nama', w.nama, 'tingkat', $1::text,
                                  'induk', w.induk, 'jenis', w.jenis, 'luas_km2', round(w.luas_km2::numeric, 4),
                                  'turunan', w.turunan{values}))
            """;
    }

    private static string Join(int? nilaiParameter) => nilaiParameter is { } p ? NilaiLayer.Join(p) : "";

    public async Task<FeaturePage> PageAsync(FeatureFilter filter, CancellationToken ct = default)
    {
        // Parameters that are null switch their condition off; the statement is not prepared, so
        // each execution is planned with its values and the unused conditions fold away.
        int? nilaiParameter = filter.Nilai is null ? null : 12;
        await using var cmd = dataSource.CreateCommand($"""
            WITH hits AS (
                SELECT w.kode FROM wilayah w
                WHERE w.tingkat = $2
                  AND ($3::text IS NULL OR w.kode = $3 OR w.kode LIKE $3 || '.%')
                  AND ($4::float8 IS NULL OR ST_Intersects(w.geom, ST_MakeEnvelope($4, $5, $6, $7, 4326)))
                  AND ($8::text IS NULL OR w.kode LIKE $8 || '%')
                  AND ($9::text IS NULL OR w.induk = $9)
            ),
            page AS (SELECT kode FROM hits ORDER BY kode LIMIT $10 OFFSET $11)
            SELECT (SELECT versi FROM data_versi WHERE nama = 'wilayah'),
                   coalesce((SELECT versi FROM data_versi WHERE nama = 'nilai'), 0),
                   (SELECT count(*) FROM hits),
                   (SELECT count(*) FROM page)::int,
                   coalesce((SELECT json_agg({Feature(nilaiParameter)} ORDER BY w.kode)
                             FROM page p JOIN wilayah w USING (kode) {Join(nilaiParameter)}), '[]')::text
            """);
        var p = cmd.Parameters;
        p.Add(new NpgsqlParameter<string> { TypedValue = filter.Layer.Tingkat.ToName() });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)filter.Layer.Tingkat });
        p.Add(Nullable(filter.Scope.RootCode, NpgsqlDbType.Text));
        p.Add(Nullable(filter.Bbox?.MinX, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MinY, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MaxX, NpgsqlDbType.Double));
        p.Add(Nullable(filter.Bbox?.MaxY, NpgsqlDbType.Double));
        p.Add(Nullable(filter.KodePrefix, NpgsqlDbType.Text));
        p.Add(Nullable(filter.Induk, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<int> { TypedValue = filter.Limit });
        p.Add(new NpgsqlParameter<int> { TypedValue = filter.Offset });
        AddNilai(p, filter.Nilai);

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new FeaturePage(reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4), new DataVersi(reader.GetInt64(0), reader.GetInt64(1)));
    }

    /// <summary>One feature as GeoJSON text, or null when it is not in the layer or not in scope.</summary>
    public async Task<string?> OneAsync(PetaLayer layer, WilayahScope scope, KodeWilayah kode, NilaiLayer? nilai = null, CancellationToken ct = default)
    {
        if (!scope.Contains(kode) || kode.Tingkat != layer.Tingkat) return null;
        int? nilaiParameter = nilai is null ? null : 3;
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {Feature(nilaiParameter)}::text FROM wilayah w {Join(nilaiParameter)} WHERE w.kode = $2");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = layer.Tingkat.ToName() });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kode.Value });
        AddNilai(cmd.Parameters, nilai);
        return (string?)await cmd.ExecuteScalarAsync(ct);
    }

    private static void AddNilai(NpgsqlParameterCollection parameters, NilaiLayer? nilai)
    {
        if (nilai is null) return;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = nilai.Indikator });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = nilai.Periode.Value });
    }

    /// <summary>The lon/lat extent of a level, or null when it has no rows.</summary>
    public async Task<Bbox?> ExtentAsync(PetaLayer layer, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
            FROM (SELECT ST_Extent(geom) AS e FROM wilayah WHERE tingkat = $1) x
            WHERE e IS NOT NULL
            """);
        cmd.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)layer.Tingkat });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Bbox(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
