using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CareStories.Benchmark;

/// <summary>
/// Writes aggregates the domain built (a story with its heroes, teams, values, quotes and history; a celebration; a
/// fix with its history) as rows, the way <c>SaveChanges</c> would store them, with one prepared INSERT per table.
/// Everything about the rows comes from the EF model: tables, columns, value converters, parameter types, which
/// collections belong to an aggregate and which foreign keys point where. What it leaves out is the change tracker
/// and the per-row work of <c>SaveChanges</c> (command building, reading generated keys back), which is nearly all
/// of a bulk fill's time. Generated integer keys are handed out here (one more than the table's last) and copied
/// onto the rows that point at them before anything is written.
/// </summary>
internal sealed partial class AggregateRowWriter(DbConnection connection, IModel model) : IDisposable
{
    private readonly Dictionary<Type, Table> _tables = [];
    private readonly List<(Table Table, object Entity)> _pending = [];

    public long RowsWritten { get; private set; }

    public int Pending => _pending.Count;

    /// <summary>Queues an aggregate root and every entity in its owned collections.</summary>
    public async Task AddAsync(object entity, CancellationToken cancellationToken)
    {
        var table = await TableForAsync(entity.GetType(), cancellationToken);
        _pending.Add((table, entity));
        table.AssignKey(entity);
        foreach (var navigation in table.Children)
        {
            if (navigation.GetGetter().GetClrValueUsingContainingEntity(entity) is IEnumerable children)
            {
                foreach (var child in children)
                {
                    await AddAsync(child, cancellationToken);
                }
            }
        }
    }

    /// <summary>Copies every key onto the rows that point at it, then writes all queued rows in one transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (table, entity) in _pending)
        {
            table.CopyForeignKeys(entity);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connection is NpgsqlConnection npgsql)
        {
            // PostgreSQL takes a batch fastest as one binary COPY per table (its foreign keys are off for the fill).
            foreach (var rows in _pending.GroupBy(p => p.Table, p => p.Entity))
            {
                await rows.Key.CopyAsync(npgsql, rows, cancellationToken);
            }
        }
        else
        {
            foreach (var (table, entity) in _pending)
            {
                table.Command.Transaction = transaction;
                table.Bind(entity);
                await table.Command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        RowsWritten += _pending.Count;
        _pending.Clear();
    }

    private async Task<Table> TableForAsync(Type type, CancellationToken cancellationToken)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            var entityType = model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not in the EF model, so it has no table to write to.");
            table = new Table(connection, entityType);
            if (table.GeneratedKey is { } key)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COALESCE(MAX(\"{key.GetColumnName()}\"), 0) FROM \"{entityType.GetTableName()}\"";
                table.LastKey = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            _tables[type] = table;
        }

        return table;
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Command.Dispose();
        }
    }

    /// <summary>One table: its prepared INSERT, its generated key and the relationships its rows take part in.</summary>
    private sealed class Table
    {
        private readonly List<Column> _columns = [];
        private readonly string _tableName;

        /// <summary>References this row holds to another entity, whose key becomes this row's foreign key.</summary>
        private readonly List<INavigation> _references;

        public Table(DbConnection connection, IEntityType type)
        {
            Command = connection.CreateCommand();
            foreach (var property in type.GetProperties())
            {
                if (property.IsShadowProperty())
                {
                    throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has no CLR property; the bulk writer cannot read it.");
                }

                _columns.Add(new Column(property, null, Parameter(property)));
            }

            // Complex types (a story's spend) live in the owner's row, one column per property.
            foreach (var complex in type.GetComplexProperties())
            {
                foreach (var property in complex.ComplexType.GetProperties())
                {
                    _columns.Add(new Column(property, complex, Parameter(property)));
                }
            }

            var names = string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName()}\""));
            var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
            _tableName = type.GetTableName()!;
            Command.CommandText = $"INSERT INTO \"{_tableName}\" ({names}) VALUES ({values})";

            if (type.FindPrimaryKey() is { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } key] } && (key.ClrType == typeof(int) || key.ClrType == typeof(long)))
            {
                GeneratedKey = key;
            }

            Children = type.GetNavigations().Where(n => n.IsCollection && !n.IsOnDependent).ToList();
            _references = type.GetNavigations().Where(n => n.IsOnDependent).ToList();
        }

        public DbCommand Command { get; }

        public long LastKey { get; set; }

        /// <summary>An integer key the database would generate, handed out here instead.</summary>
        public IProperty? GeneratedKey { get; }

        /// <summary>Collections whose rows point back at this one: the parts of the aggregate.</summary>
        public IReadOnlyList<INavigation> Children { get; }

        public void AssignKey(object entity)
        {
            if (GeneratedKey is { } key && Convert.ToInt64(key.GetGetter().GetClrValueUsingContainingEntity(entity), CultureInfo.InvariantCulture) == 0)
            {
                ++LastKey;
                Set(key, entity, key.ClrType == typeof(int) ? checked((int)LastKey) : (object)LastKey);
            }
        }

        /// <summary>For each parent collection or reference, the parent's key into this row's foreign key.</summary>
        public void CopyForeignKeys(object entity)
        {
            foreach (var navigation in Children)
            {
                if (navigation.GetGetter().GetClrValueUsingContainingEntity(entity) is IEnumerable children)
                {
                    foreach (var child in children)
                    {
                        Copy(navigation.ForeignKey, entity, child);
                    }
                }
            }

            foreach (var navigation in _references)
            {
                if (navigation.GetGetter().GetClrValueUsingContainingEntity(entity) is { } principal)
                {
                    Copy(navigation.ForeignKey, principal, entity);
                }
            }
        }

        private static void Copy(IForeignKey foreignKey, object principal, object dependent)
        {
            for (var i = 0; i < foreignKey.Properties.Count; i++)
            {
                var value = foreignKey.PrincipalKey.Properties[i].GetGetter().GetClrValueUsingContainingEntity(principal);
                Set(foreignKey.Properties[i], dependent, value);
            }
        }

        /// <summary>Sets a key the way EF Core does when it materializes a row: through the private setter or the field.</summary>
        private static void Set(IProperty property, object entity, object? value)
        {
            if (property.PropertyInfo is { SetMethod: not null } clrProperty)
            {
                clrProperty.SetValue(entity, value);
            }
            else
            {
                (property.FieldInfo ?? throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} cannot be set."))
                    .SetValue(entity, value);
            }
        }

        private DbParameter Parameter(IProperty property)
        {
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(Command, "@p" + Command.Parameters.Count.ToString(CultureInfo.InvariantCulture), null, nullable: true);
            Command.Parameters.Add(parameter);
            return parameter;
        }

        public void Bind(object entity)
        {
            foreach (var column in _columns)
            {
                column.Parameter.Value = column.ProviderValue(entity) ?? DBNull.Value;
            }
        }

        /// <summary>Writes the rows with one binary COPY, each value as the column's store type.</summary>
        public async Task CopyAsync(NpgsqlConnection connection, IEnumerable<object> entities, CancellationToken cancellationToken)
        {
            var names = string.Join(", ", _columns.Select(c => $"\"{c.Property.GetColumnName()}\""));
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{_tableName}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var entity in entities)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in _columns)
                {
                    if (column.ProviderValue(entity) is { } value)
                    {
                        await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    private sealed record Column(IProperty Property, IComplexProperty? Complex, DbParameter Parameter)
    {
        public IClrPropertyGetter Getter { get; } = Property.GetGetter();

        public ValueConverter? Converter { get; } = Property.GetTypeMapping().Converter;

        /// <summary>The column's type without its length or precision (<c>character varying</c> for <c>character varying(200)</c>).</summary>
        public string DataTypeName { get; } = StoreTypeFacets().Replace(((RelationalTypeMapping)Property.GetTypeMapping()).StoreType, "");

        /// <summary>The value as the database stores it (after the model's value converter); null for NULL.</summary>
        public object? ProviderValue(object entity)
        {
            object? value;
            if (Complex is { } complex)
            {
                var owner = complex.PropertyInfo!.GetValue(entity);
                value = owner is null ? null : Getter.GetClrValue(owner);
            }
            else
            {
                value = Getter.GetClrValueUsingContainingEntity(entity);
            }

            return value is null ? null : Converter?.ConvertToProvider(value) ?? value;
        }
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex StoreTypeFacets();
}
