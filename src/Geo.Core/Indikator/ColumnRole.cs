namespace Geo.Core.Indikator;

public enum ColumnRole
{
    Ignore,
    RowNumber,
    Kode,
    DesaName,
    KecamatanName,
    GroupName,
    Nilai,
}
