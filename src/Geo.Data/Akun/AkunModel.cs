using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Geo.Data.Akun;

/// <summary>Identity's tables under Indonesian, lower-case snake names (migration 0060 creates them).</summary>
internal static class AkunModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Akun>(e =>
        {
            e.ToTable("akun");
            e.Property(a => a.Wilayah).HasColumnName("wilayah");
            e.Property(a => a.Aktif).HasColumnName("aktif");
            e.Property(a => a.Dibuat).HasColumnName("dibuat");
        });
        b.Entity<PeranAkun>().ToTable("peran");
        b.Entity<IdentityUserRole<long>>().ToTable("akun_peran");
        b.Entity<IdentityUserClaim<long>>().ToTable("akun_klaim");
        b.Entity<IdentityRoleClaim<long>>().ToTable("peran_klaim");
        b.Entity<IdentityUserLogin<long>>().ToTable("akun_login_eksternal");
        b.Entity<IdentityUserToken<long>>().ToTable("akun_token");
        b.Entity<AkunTokenApi>(e =>
        {
            e.ToTable("akun_token_api");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => t.AkunId);
            e.HasOne<Akun>().WithMany().HasForeignKey(t => t.AkunId).OnDelete(DeleteBehavior.Cascade);
            e.Property(t => t.Nama).HasMaxLength(100);
        });

        foreach (var entity in b.Model.GetEntityTypes().Where(t => t.ClrType.Namespace is "Geo.Data.Akun" || t.ClrType.Namespace!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)))
        {
            foreach (var property in entity.GetProperties()) property.SetColumnName(SnakeCase(property.Name));
            foreach (var key in entity.GetKeys()) key.SetName($"{entity.GetTableName()}_pkey");
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName($"{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => SnakeCase(p.Name)))}_idx");
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName($"{entity.GetTableName()}_{string.Join("_", fk.Properties.Select(p => SnakeCase(p.Name)))}_fkey");
        }
    }

    private static string SnakeCase(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) s.Append('_');
            s.Append(char.ToLowerInvariant(name[i]));
        }
        return s.ToString();
    }
}
