using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class ChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL only: committed stamp and bell changes are announced to listening instances (see PostgresChangeNotices).
            migrationBuilder.Sql(CareStories.Domain.Freshness.PostgresChangeNotices.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CareStories.Domain.Freshness.PostgresChangeNotices.Drop);
        }
    }
}
