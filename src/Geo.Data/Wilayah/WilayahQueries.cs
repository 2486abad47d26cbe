using Geo.Core.Wilayah;
using Geo.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Geo.Data.Wilayah;

public sealed record WilayahSummary(string Kode, string Nama, Tingkat Tingkat, string? Jenis, bool Turunan);

/// <summary>Read side of the wilayah table. Every query is limited to a <see cref="WilayahScope"/>.</summary>
public sealed class WilayahQueries(GeoDbContext db)
{
    public IQueryable<WilayahEntity> InScope(WilayahScope scope)
    {
        if (scope.RootCode is not { } root) return db.Wilayah.AsNoTracking();
        var pattern = scope.DescendantPattern!;
        return db.Wilayah.AsNoTracking().Where(w => w.Kode == root || EF.Functions.Like(w.Kode, pattern));
    }

    /// <summary>Children of <paramref name="induk"/>, or the provinsi when it is null.</summary>
    public Task<List<WilayahSummary>> ChildrenAsync(WilayahScope scope, KodeWilayah? induk, CancellationToken ct = default) =>
        ChildQuery(scope, induk)
            .Select(w => new WilayahSummary(w.Kode, w.Nama, w.Tingkat, w.Jenis, w.Turunan))
            .ToListAsync(ct);

    public Task<List<WilayahEntity>> ChildrenWithGeometryAsync(WilayahScope scope, KodeWilayah induk, CancellationToken ct = default) =>
        ChildQuery(scope, induk).ToListAsync(ct);

    public Task<WilayahEntity?> FindAsync(WilayahScope scope, KodeWilayah kode, CancellationToken ct = default) =>
        scope.Contains(kode)
            ? db.Wilayah.AsNoTracking().FirstOrDefaultAsync(w => w.Kode == kode.Value, ct)
            : Task.FromResult<WilayahEntity?>(null);

    private IQueryable<WilayahEntity> ChildQuery(WilayahScope scope, KodeWilayah? induk)
    {
        var query = InScope(scope);
        query = induk is { } parent
            ? query.Where(w => w.Induk == parent.Value)
            : query.Where(w => w.Tingkat == Tingkat.Provinsi);
        return query.OrderBy(w => w.Kode);
    }
}
