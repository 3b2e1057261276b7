using CareStories.Domain.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CareStories.Data.SQLite;

/// <summary>
/// SQLite's migration SQL, with one change: SQL operations marked <see cref="StorySearchIndex.AfterTableRebuilds"/> are
/// written after the migration's table rebuilds. EF Core rebuilds a table (copy, drop, rename) at the end of a
/// migration, and a rebuild drops the table's triggers, so triggers made again in the same migration must come later.
/// </summary>
public sealed class LateSqlMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider migrationsAnnotations)
    : SqliteMigrationsSqlGenerator(dependencies, migrationsAnnotations)
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var late = operations.Where(o => o[StorySearchIndex.AfterTableRebuilds] is true).ToList();
        if (late.Count == 0)
        {
            return base.Generate(operations, model, options);
        }

        return [.. base.Generate([.. operations.Except(late)], model, options), .. base.Generate(late, model, options)];
    }
}
