using Geo.Core.Errors;
using Geo.Core.Import;
using Geo.Core.Wilayah;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Geo.Data.Wilayah.Import;

/// <summary>
/// Loads one boundary file in one transaction: stream, validate, binary COPY into a staging table,
/// repair in PostGIS, upsert, then dissolve missing parent levels. Any rejection rolls everything
/// back, so a bad file leaves the database exactly as it was.
/// </summary>
/// <param name="limits">What one file may hold (<c>Geo:Impor</c>); the defaults when not given (the CLI).</param>
public sealed class BoundaryImporter(NpgsqlDataSource dataSource, ImportLimits? limits = null)
{
    private readonly ImportLimits _limits = limits ?? ImportLimits.Default;

    // A national file takes a minute or more in PostGIS; Npgsql's 30 s default would abort it.
    private const int NoTimeout = 0;

    private const int ProgressEvery = 10_000;

    /// <param name="progress">Told of each stage, and of every 10,000 features read: a national file takes a minute.</param>
    public async Task<BoundaryImportReport> ImportAsync(
        string path, BoundaryImportOptions options, string? displayName = null, IProgress<Kemajuan>? progress = null, CancellationToken ct = default)
    {
        options.EnsureAllowed();
        var fileName = displayName ?? Path.GetFileName(path);
        try
        {
            using var reader = BoundaryReaders.Open(path, options.Lapisan, _limits, fileName);
            return await ImportAsync(reader, fileName, options, progress, ct);
        }
        catch (GeoException e) when (e.Lokasi?.Berkas is null && e.Lokasi?.Parameter is null)
        {
            throw e.At(new GeoErrorLocation(Berkas: fileName));
        }
    }

    public async Task<BoundaryImportReport> ImportAsync(
        IBoundaryReader reader, string fileName, BoundaryImportOptions options, IProgress<Kemajuan>? progress = null, CancellationToken ct = default)
    {
        options.EnsureAllowed();
        var validator = new BoundaryValidator(fileName, options, reader.SourceCrs, _limits);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var staging = await CreateStagingAsync(conn, ct);

        var read = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(
            $"COPY {staging} (nomor, kode, nama, geom) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var feature in reader.ReadFeatures())
            {
                if (++read > _limits.MaksimumFitur)
                {
                    throw GeoException.TooLarge(
                        $"berkas berisi lebih dari {_limits.MaksimumFitur} fitur; batas ini diatur dengan Geo:Impor:MaksimumFitur",
                        new GeoErrorLocation(Berkas: fileName, Fitur: read));
                }
                if (read % ProgressEvery == 0) progress?.Report(new Kemajuan($"{fileName}: {read} fitur dibaca", read, Satuan: "fitur"));
                if (validator.Validate(feature) is not { } valid) continue;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(valid.Number, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(valid.Kode.Value, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(valid.Nama, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(valid.Geometry, NpgsqlDbType.Geometry, ct);
            }
            await copy.CompleteAsync(ct);
        }

        if (read == 0) validator.RejectStaged(0, "", "berkas tidak berisi fitur");
        progress?.Report(new Kemajuan($"{fileName}: {read} fitur dibaca; memeriksa geometri", read, read, "fitur"));
        if (reader.SourceCrs is { } crs) await ReprojectAsync(conn, staging, crs, validator, fileName, ct);
        var repaired = await RepairAsync(conn, staging, validator, ct);
        if (validator.Rejected.Count > 0)
        {
            await tx.RollbackAsync(ct);
            var rejected = validator.Rejected.OrderBy(r => r.Feature).ToList();
            return new BoundaryImportReport { File = fileName, Read = read, Rejected = rejected };
        }

        var missingParents = await MissingParentsAsync(conn, staging, ct);
        progress?.Report(new Kemajuan($"{fileName}: menyimpan wilayah (luas, titik label, geometri petak)", read, read, "fitur"));
        var (inserted, updated) = await UpsertAsync(conn, staging, ct);
        var derived = await DeriveParentsAsync(conn, progress, ct);
        await Execute(conn, $"DROP TABLE {staging}", ct);
        await tx.CommitAsync(ct);

        return new BoundaryImportReport
        {
            File = fileName,
            Read = read,
            Inserted = inserted,
            Updated = updated,
            Unchanged = read - inserted - updated,
            Repaired = repaired,
            Derived = derived,
            MissingParents = missingParents,
        };
    }

    /// <summary>
    /// The staging table is an unlogged table of this transaction, not a temporary one, because
    /// parallel workers cannot read temporary tables, and the geometry checks, measurements and
    /// dissolves are spread over every core: with workers free to start, the planner gives those
    /// costly per-row functions to them. The table is named after the backend so that imports on
    /// other connections do not meet; it is dropped before commit and gone with a rollback. Its
    /// geometry is compressed with lz4, as wilayah's is (migration 0034).
    /// </summary>
    private static async Task<string> CreateStagingAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var staging = $"impor_wilayah_{conn.ProcessID}";
        await Execute(conn, $"""
            CREATE UNLOGGED TABLE {staging} (nomor int NOT NULL, kode text NOT NULL, nama text NOT NULL, geom geometry COMPRESSION lz4 NOT NULL);
            SET LOCAL parallel_setup_cost = 0;
            SET LOCAL parallel_tuple_cost = 0;
            SET LOCAL min_parallel_table_scan_size = 0;
            """, ct);
        return staging;
    }

    /// <summary>
    /// Projected files (UTM zones 46S-54S from BIG and Dukcapil, typically) are staged as they are
    /// and reprojected here by PROJ, which reads the .prj's WKT or an EPSG code directly.
    /// </summary>
    private static async Task ReprojectAsync(
        NpgsqlConnection conn, string staging, string crs, BoundaryValidator validator, string fileName, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            UPDATE {staging} SET geom = ST_Transform(geom, $1, 4326)
            RETURNING nomor, kode, ST_XMin(geom), ST_XMax(geom), ST_YMin(geom), ST_YMax(geom)
            """, conn) { CommandTimeout = NoTimeout };
        cmd.Parameters.AddWithValue(crs);
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var box = new Envelope(reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5));
                validator.CheckReprojectedExtent(reader.GetInt32(0), reader.GetString(1), box);
            }
        }
        // PROJ refuses an unknown CRS (XX000) and coordinates outside its projection (22xxx) alike: both are the file's.
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InternalError || e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            throw GeoException.Invalid($"CRS berkas tidak dapat dipakai untuk proyeksi ulang ({e.MessageText})", new GeoErrorLocation(Berkas: fileName));
        }
    }

    /// <summary>
    /// Repairs invalid rings with ST_MakeValid's structure method, which keeps areas as areas,
    /// and keeps only the polygonal part of what comes back. The check is a query of its own so
    /// that it runs in parallel workers (a statement that writes gets no parallel plan); the
    /// repair touches only the few that fail it.
    /// </summary>
    private static async Task<IReadOnlyList<RepairedFeature>> RepairAsync(
        NpgsqlConnection conn, string staging, BoundaryValidator validator, CancellationToken ct)
    {
        var problems = new Dictionary<int, string>();
        await using (var check = new NpgsqlCommand(
            $"SELECT nomor, ST_IsValidReason(geom) FROM {staging} WHERE NOT ST_IsValid(geom)", conn)
        { CommandTimeout = NoTimeout })
        await using (var invalid = await check.ExecuteReaderAsync(ct))
        {
            while (await invalid.ReadAsync(ct)) problems.Add(invalid.GetInt32(0), invalid.GetString(1));
        }
        if (problems.Count == 0) return [];

        var repaired = new List<RepairedFeature>();
        await using var cmd = new NpgsqlCommand($"""
            UPDATE {staging}
            SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom, 'method=structure'), 3))
            WHERE nomor = ANY ($1)
            RETURNING nomor, kode, ST_IsEmpty(geom)
            """, conn) { CommandTimeout = NoTimeout };
        cmd.Parameters.AddWithValue(problems.Keys.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (number, kode) = (reader.GetInt32(0), reader.GetString(1));
            if (reader.GetBoolean(2))
            {
                validator.RejectStaged(number, kode, $"geometri tidak valid ({problems[number]}) dan tidak tersisa poligon setelah diperbaiki");
            }
            else
            {
                repaired.Add(new RepairedFeature(kode, problems[number]));
            }
        }
        return repaired.OrderBy(r => r.Kode, StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<string>> MissingParentsAsync(NpgsqlConnection conn, string staging, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT s.kode
            FROM {staging} s
            WHERE position('.' IN s.kode) > 0
              AND NOT EXISTS (SELECT 1 FROM {staging} p WHERE p.kode = regexp_replace(s.kode, '\.[0-9]+$', ''))
              AND NOT EXISTS (SELECT 1 FROM wilayah w WHERE w.kode = regexp_replace(s.kode, '\.[0-9]+$', '') AND NOT w.turunan)
            ORDER BY s.kode
            """, conn) { CommandTimeout = NoTimeout };
        return await ReadStrings(cmd, ct);
    }

    /// <summary>
    /// Rows whose name and geometry are byte-for-byte unchanged are left alone, so that re-importing
    /// a file touches nothing and data versions stay put. What did change is noted for the parents.
    /// Area and label point are measured beforehand by a query of their own, which runs in the
    /// parallel workers; the upsert, which writes, runs on one core.
    /// </summary>
    private static async Task<(int Inserted, int Updated)> UpsertAsync(NpgsqlConnection conn, string staging, CancellationToken ct)
    {
        await Execute(conn, $"""
            CREATE TEMP TABLE wilayah_tersentuh (kode text PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE impor_wilayah_ukuran ON COMMIT DROP AS
            SELECT nomor, ST_Area(geom::geography) / 1e6 AS luas_km2, ST_PointOnSurface(geom) AS titik_label FROM {staging};
            """, ct);
        await using var cmd = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO wilayah AS w (kode, nama, geom, luas_km2, titik_label, turunan, diperbarui)
                SELECT s.kode, s.nama, s.geom, m.luas_km2, m.titik_label, false, now()
                FROM {staging} s JOIN impor_wilayah_ukuran m USING (nomor)
                ON CONFLICT (kode) DO UPDATE
                SET nama = EXCLUDED.nama, geom = EXCLUDED.geom, luas_km2 = EXCLUDED.luas_km2,
                    titik_label = EXCLUDED.titik_label, turunan = false, diperbarui = now()
                WHERE w.nama IS DISTINCT FROM EXCLUDED.nama
                   OR w.turunan
                   OR ST_AsBinary(w.geom) IS DISTINCT FROM ST_AsBinary(EXCLUDED.geom)
                RETURNING w.kode, (xmax = 0) AS baru
            ),
            touched AS (
                INSERT INTO wilayah_tersentuh (kode) SELECT kode FROM upserted
            )
            SELECT count(*) FILTER (WHERE baru)::int, count(*) FILTER (WHERE NOT baru)::int FROM upserted
            """, conn) { CommandTimeout = NoTimeout };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>
    /// Walks up from the deepest level that changed: a parent that was not imported (or was itself
    /// derived before) is dissolved from all its children now in the database, and then counts as
    /// touched for the level above it.
    /// </summary>
    private static async Task<IReadOnlyList<DerivedLevel>> DeriveParentsAsync(NpgsqlConnection conn, IProgress<Kemajuan>? progress, CancellationToken ct)
    {
        // The leader only collects and writes. Taking part, it dissolved most of the few large
        // parents itself while the workers ran out of pages (provinsi: 28 of 38, the workers done
        // after 1.4 and 3.0 s of 8.6). Without it: kab/kota 7.1 -> 5.9 s, provinsi 8.6 -> 6.0 s.
        await Execute(conn, """
            CREATE TEMP TABLE wilayah_larut_anak (kode text NOT NULL) ON COMMIT DROP;
            SET LOCAL parallel_leader_participation = off;
            """, ct);
        var derived = new List<DerivedLevel>();
        for (var level = (int)Tingkat.Desa; level > (int)Tingkat.Provinsi; level--)
        {
            var parents = await NameParentsToDeriveAsync(conn, level, ct);
            if (parents == 0) continue;
            progress?.Report(new Kemajuan($"menurunkan {parents} {((Tingkat)(level - 1)).ToName()} dari gabungan anak"));
            await DissolveAsync(conn, ct);
            var codes = await UpsertDissolvedAsync(conn, ct);
            derived.Add(new DerivedLevel(((Tingkat)(level - 1)).ToName(), codes));
        }
        return derived;
    }

    /// <summary>
    /// Lists the parents at this level whose children changed and that were not imported
    /// themselves, each by its first child: the dissolve scans wilayah for those rows, and a child
    /// row is what there is of a parent not yet in wilayah. A table of parent codes would not do,
    /// temporary (parallel workers cannot read it) or not: a parallel scan hands out whole pages,
    /// and the 38 provinsi codes would share one page and so one worker (514 kab/kota, a few), where the
    /// first children lie spread over wilayah's pages.
    /// </summary>
    private static async Task<int> NameParentsToDeriveAsync(NpgsqlConnection conn, int level, CancellationToken ct)
    {
        await Execute(conn, "TRUNCATE wilayah_larut_anak", ct);
        await using var cmd = new NpgsqlCommand("""
            WITH parents AS (
                SELECT DISTINCT regexp_replace(t.kode, '\.[0-9]+$', '') AS kode
                FROM wilayah_tersentuh t
                WHERE length(t.kode) - length(replace(t.kode, '.', '')) + 1 = $1
            )
            INSERT INTO wilayah_larut_anak (kode)
            SELECT (SELECT min(c.kode) FROM wilayah c WHERE c.induk = p.kode)
            FROM parents p
            WHERE NOT EXISTS (SELECT 1 FROM wilayah w WHERE w.kode = p.kode AND NOT w.turunan)
            """, conn) { CommandTimeout = NoTimeout };
        cmd.Parameters.AddWithValue(level);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Dissolves the listed parents on every core: wilayah_larutkan (migration 0005) runs in
    /// the parallel workers, one parent at a time each, and the leader alone writes the results.
    /// OFFSET 0 keeps the call in the workers, once per parent, while the leader only takes its
    /// three fields apart.
    /// </summary>
    private static async Task DissolveAsync(NpgsqlConnection conn, CancellationToken ct) => await Execute(conn, """
        DROP TABLE IF EXISTS wilayah_larut;
        CREATE TEMP TABLE wilayah_larut ON COMMIT DROP AS
        SELECT kode, (d).geom, (d).luas_km2, (d).titik_label
        FROM (
            SELECT c.induk AS kode, wilayah_larutkan(c.induk) AS d
            FROM wilayah c
            WHERE c.kode = ANY ((SELECT array_agg(kode) FROM wilayah_larut_anak)::text[])
            OFFSET 0
        ) AS dissolved;
        """, ct);

    private static async Task<IReadOnlyList<string>> UpsertDissolvedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            WITH upserted AS (
                INSERT INTO wilayah AS w (kode, nama, geom, luas_km2, titik_label, turunan, diperbarui)
                SELECT d.kode, coalesce(r.nama, d.kode), d.geom, d.luas_km2, d.titik_label, true, now()
                FROM wilayah_larut d LEFT JOIN kode_referensi r ON r.kode = d.kode
                ON CONFLICT (kode) DO UPDATE
                SET geom = EXCLUDED.geom, luas_km2 = EXCLUDED.luas_km2, titik_label = EXCLUDED.titik_label,
                    diperbarui = now()
                RETURNING w.kode
            ),
            touched AS (
                INSERT INTO wilayah_tersentuh (kode) SELECT kode FROM upserted RETURNING kode
            )
            SELECT kode FROM touched ORDER BY kode
            """, conn) { CommandTimeout = NoTimeout };
        return await ReadStrings(cmd, ct);
    }

    private static async Task<IReadOnlyList<string>> ReadStrings(NpgsqlCommand cmd, CancellationToken ct)
    {
        var result = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(reader.GetString(0));
        return result;
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = NoTimeout };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
