using Geo.Core.Wilayah;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Geo.Data.Wilayah;

public sealed class WilayahEntity
{
    public required string Kode { get; init; }
    public required string Nama { get; set; }
    public Tingkat Tingkat { get; init; }
    public string? Induk { get; init; }
    public string? Jenis { get; init; }
    public long Fid { get; init; }
    public required MultiPolygon Geom { get; set; }
    public double LuasKm2 { get; set; }
    public required Point TitikLabel { get; set; }
    public bool Turunan { get; set; }
    public DateTimeOffset Diperbarui { get; set; }
}

internal sealed class WilayahEntityConfiguration : IEntityTypeConfiguration<WilayahEntity>
{
    public void Configure(EntityTypeBuilder<WilayahEntity> b)
    {
        b.ToTable("wilayah");
        b.HasKey(w => w.Kode);
        b.Property(w => w.Kode).HasColumnName("kode");
        b.Property(w => w.Nama).HasColumnName("nama");
        // Generated from kode by the database.
        b.Property(w => w.Tingkat).HasColumnName("tingkat").HasConversion<short>().ValueGeneratedOnAddOrUpdate();
        b.Property(w => w.Induk).HasColumnName("induk").ValueGeneratedOnAddOrUpdate();
        b.Property(w => w.Jenis).HasColumnName("jenis").ValueGeneratedOnAddOrUpdate();
        b.Property(w => w.Fid).HasColumnName("fid").ValueGeneratedOnAddOrUpdate();
        b.Property(w => w.Geom).HasColumnName("geom").HasColumnType("geometry(MultiPolygon,4326)");
        b.Property(w => w.LuasKm2).HasColumnName("luas_km2");
        b.Property(w => w.TitikLabel).HasColumnName("titik_label").HasColumnType("geometry(Point,4326)");
        b.Property(w => w.Turunan).HasColumnName("turunan");
        b.Property(w => w.Diperbarui).HasColumnName("diperbarui");
    }
}
