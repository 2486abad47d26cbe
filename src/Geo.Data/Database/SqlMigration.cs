using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Geo.Data.Database;

/// <summary>
/// An EF Core migration whose body is the embedded <c>Migrations/{id}.sql</c> file. PostGIS
/// types, GiST indexes and SQL functions are clearer in SQL than in the migration builder, while
/// EF still tracks what has been applied in <c>__EFMigrationsHistory</c>.
/// </summary>
public abstract class SqlMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttribute<MigrationAttribute>()?.Id
            ?? throw new InvalidOperationException($"{GetType().Name} lacks [Migration]");
        var resource = $"Geo.Data.Migrations.{id}.sql";
        using var stream = typeof(SqlMigration).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration {resource} not found");
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }
}
