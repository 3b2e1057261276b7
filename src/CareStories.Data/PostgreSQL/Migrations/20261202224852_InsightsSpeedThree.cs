using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class InsightsSpeedThree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_PublishedAt_AuthorId",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_PublishedAt_AuthorId",
                table: "Stories",
                columns: new[] { "Status", "PublishedAt", "AuthorId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_PublishedAt_AuthorId",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_PublishedAt_AuthorId",
                table: "Stories",
                columns: new[] { "Status", "PublishedAt", "AuthorId" });
        }
    }
}
