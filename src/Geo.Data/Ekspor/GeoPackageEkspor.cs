using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Geo.Data.Ekspor;

/// <summary>
/// Writes a layer as a GeoPackage 1.2 (EPSG:4326, MULTIPOLYGON) with an R-tree index, the QGIS
/// styles in <c>layer_styles</c> (the default one opens with the layer) and the export's
/// metadata in <c>gpkg_metadata</c>. Columns are declared by type, so a numeric field stays REAL
/// when every value is empty.
/// </summary>
/// <remarks>
/// Geometry blobs are the GeoPackage header plus PostGIS's own WKB and envelope: no geometry is
/// parsed or rebuilt on the way, which is what keeps a national layer as fast as ogr2ogr.
/// </remarks>
public static class GeoPackageEkspor
{
    private const int Srid = 4326;

    private static readonly string[] BoxParameters = ["$minx", "$maxx", "$miny", "$maxy"];

    private static readonly JsonSerializerOptions MetadataJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<long> WriteAsync(LapisanEkspor layer, string path, CancellationToken ct = default)
    {
        if (File.Exists(path)) File.Delete(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var conn = new SqliteConnection(builder.ToString());
        await conn.OpenAsync(ct);
        // A file being written for download: no journal to keep, nothing to sync until it is closed.
        Exec(conn, "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;");
        CreateCoreTables(conn);

        var table = layer.Nama;
        var columns = string.Join(", ", layer.Kolom.Select(k => $"{Q(k.Nama)} {SqlType(k.Jenis)}"));
        Exec(conn, $"CREATE TABLE {Q(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON{(columns.Length > 0 ? ", " + columns : "")})");
        Exec(conn, $"CREATE VIRTUAL TABLE {Q($"rtree_{table}_geom")} USING rtree(id, minx, maxx, miny, maxy)");

        long count = 0;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        await using (var tx = conn.BeginTransaction())
        {
            using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {Q(table)} (fid, geom{string.Concat(layer.Kolom.Select(k => ", " + Q(k.Nama)))}) VALUES ($fid, $geom{string.Concat(layer.Kolom.Select((_, i) => $", $p{i}"))})";
            var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
            var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
            var values = layer.Kolom.Select((k, i) => insert.Parameters.Add($"$p{i}", k.Jenis switch
            {
                JenisKolom.Angka => SqliteType.Real,
                JenisKolom.Teks => SqliteType.Text,
                _ => SqliteType.Integer,
            })).ToArray();
            using var rtree = conn.CreateCommand();
            rtree.Transaction = tx;
            rtree.CommandText = $"INSERT INTO {Q($"rtree_{table}_geom")} VALUES ($id, $minx, $maxx, $miny, $maxy)";
            var rId = rtree.Parameters.Add("$id", SqliteType.Integer);
            var rBox = BoxParameters.Select(n => rtree.Parameters.Add(n, SqliteType.Real)).ToArray();
            insert.Prepare();
            rtree.Prepare();

            await foreach (var row in EksporWriter.ReadAhead(layer.BarisAsync(BentukGeometri.Wkb, ct), ct: ct))
            {
                count++;
                fid.Value = count;
                geom.Value = Blob(row);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i].Value = row.Nilai[i] switch { null => DBNull.Value, bool b => b ? 1L : 0L, var v => v };
                }
                insert.ExecuteNonQuery();
                rId.Value = count;
                rBox[0].Value = row.MinX;
                rBox[1].Value = row.MaxX;
                rBox[2].Value = row.MinY;
                rBox[3].Value = row.MaxY;
                rtree.ExecuteNonQuery();
                minX = Math.Min(minX, row.MinX);
                maxX = Math.Max(maxX, row.MaxX);
                minY = Math.Min(minY, row.MinY);
                maxY = Math.Max(maxY, row.MaxY);
            }
            tx.Commit();
        }

        await using (var tx = conn.BeginTransaction())
        {
            using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
                VALUES ($t, 'features', $t, $d, $x0, $y0, $x1, $y1, 4326);
                INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', 'MULTIPOLYGON', 4326, 0, 0);
                INSERT INTO gpkg_extensions VALUES ($t, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
                """;
            cmd.Parameters.AddWithValue("$t", table);
            cmd.Parameters.AddWithValue("$d", layer.Metadata.Judul + (layer.Metadata.Sintetis ? " [Data sintetis]" : ""));
            cmd.Parameters.AddWithValue("$x0", count > 0 ? minX : DBNull.Value);
            cmd.Parameters.AddWithValue("$y0", count > 0 ? minY : DBNull.Value);
            cmd.Parameters.AddWithValue("$x1", count > 0 ? maxX : DBNull.Value);
            cmd.Parameters.AddWithValue("$y1", count > 0 ? maxY : DBNull.Value);
            cmd.ExecuteNonQuery();
            WriteMetadata(conn, tx, layer);
            WriteStyles(conn, tx, layer);
            tx.Commit();
        }
        // The index is filled above from PostGIS's envelopes; the triggers that keep it current on edits
        // (QGIS, GDAL supply ST_MinX and friends) are created after, so they never run here.
        Exec(conn, RtreeTriggers(table));
        return count;
    }

    /// <summary>GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), SRS id, envelope, then the WKB.</summary>
    private static byte[] Blob(BarisEkspor row)
    {
        var wkb = row.Wkb!;
        var blob = new byte[8 + 32 + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[2] = 0;
        blob[3] = 0b0000_0011;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), Srid);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(8), row.MinX);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(16), row.MaxX);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(24), row.MinY);
        BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(32), row.MaxY);
        wkb.CopyTo(blob.AsSpan(40));
        return blob;
    }

    private static void WriteMetadata(SqliteConnection conn, SqliteTransaction tx, LapisanEkspor layer)
    {
        var m = layer.Metadata;
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["judul"] = m.Judul,
            ["sumber"] = m.Sumber,
            ["periode"] = m.Periode,
            ["indikator"] = m.Indikator,
            ["tampilan"] = m.Tampilan,
            ["sintetis"] = m.Sintetis,
            ["keterangan_sintetis"] = m.Sintetis ? "Data sintetis: bukan data sebenarnya" : null,
            ["parameter"] = m.Parameter is null ? null : JsonDocument.Parse(m.Parameter).RootElement,
            ["sidik_jari"] = m.SidikJari,
            ["kolom"] = layer.Kolom.ToDictionary(k => k.Nama, k => k.Keterangan),
        }, MetadataJson);
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', 'https://github.com/geo/ekspor', 'application/json', $m);
            INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) VALUES ('table', $t, 1);
            INSERT INTO gpkg_extensions VALUES ('gpkg_metadata', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write');
            INSERT INTO gpkg_extensions VALUES ('gpkg_metadata_reference', NULL, 'gpkg_metadata', 'http://www.geopackage.org/spec120/#extension_metadata', 'read-write');
            """;
        cmd.Parameters.AddWithValue("$m", json);
        cmd.Parameters.AddWithValue("$t", layer.Nama);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The table QGIS reads styles from (as QGIS creates it), registered as attributes so GDAL lists it as QGIS does.</summary>
    private static void WriteStyles(SqliteConnection conn, SqliteTransaction tx, LapisanEkspor layer)
    {
        if (layer.Gaya.Count == 0) return;
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
                f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
                useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30), update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('layer_styles', 'attributes', 'layer_styles', 'gaya QGIS');
            """;
        cmd.ExecuteNonQuery();
        using var insert = conn.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner)
            VALUES ('', '', $t, 'geom', $n, $q, $s, $d, $k, 'Geo')
            """;
        foreach (var g in layer.Gaya)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$t", layer.Nama);
            insert.Parameters.AddWithValue("$n", g.Gaya);
            insert.Parameters.AddWithValue("$q", GayaQgis.Qml(g));
            insert.Parameters.AddWithValue("$s", GayaQgis.Sld(g));
            insert.Parameters.AddWithValue("$d", g.Bawaan ? 1 : 0);
            insert.Parameters.AddWithValue("$k", g.Judul);
            insert.ExecuteNonQuery();
        }
    }

    private static void CreateCoreTables(SqliteConnection conn) => Exec(conn, """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
        INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326,
            'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
            'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
            description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
            CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
            CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
            CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
            scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
        CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
            md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
        CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
            timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
            CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
            CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
        """);

    /// <summary>The triggers of the GeoPackage R-tree extension (spec 1.2, F.3), verbatim but for the names.</summary>
    private static string RtreeTriggers(string t)
    {
        var r = Q($"rtree_{t}_geom");
        var tq = Q(t);
        string N(string suffix) => Q($"rtree_{t}_geom_{suffix}");
        return $"""
            CREATE TRIGGER {N("insert")} AFTER INSERT ON {tq} WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
            CREATE TRIGGER {N("update1")} AFTER UPDATE OF geom ON {tq} WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
            CREATE TRIGGER {N("update2")} AFTER UPDATE OF geom ON {tq} WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            CREATE TRIGGER {N("update3")} AFTER UPDATE ON {tq} WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; INSERT OR REPLACE INTO {r} VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
            CREATE TRIGGER {N("update4")} AFTER UPDATE ON {tq} WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.fid, NEW.fid); END;
            CREATE TRIGGER {N("delete")} AFTER DELETE ON {tq} WHEN old.geom NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.fid; END;
            """;
    }

    private static string SqlType(JenisKolom jenis) => jenis switch
    {
        JenisKolom.Angka => "REAL",
        // MEDIUMINT, not INTEGER: GDAL reads INTEGER as a 64-bit field; ranks, bins and order fit 32 bits.
        JenisKolom.Bulat => "MEDIUMINT",
        JenisKolom.Logika => "BOOLEAN",
        _ => "TEXT",
    };

    private static string Q(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
