using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class SpendLedgerCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL only: the spend ledger's index carries the spend lines' columns (see PostgresSpendLedgerIndex).
            migrationBuilder.Sql(CareStories.Domain.Data.PostgresSpendLedgerIndex.Covering);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CareStories.Domain.Data.PostgresSpendLedgerIndex.KeysOnly);
        }
    }
}
