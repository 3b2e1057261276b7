using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewQueueAuthorInIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_SubmittedAt_Id",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_SubmittedAt_Id_AuthorId",
                table: "Stories",
                columns: new[] { "Status", "SubmittedAt", "Id", "AuthorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_SubmittedAt_Id_AuthorId",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_SubmittedAt_Id",
                table: "Stories",
                columns: new[] { "Status", "SubmittedAt", "Id" });
        }
    }
}
