using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class InsightsReadFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StoryStatusChanges_To_At",
                table: "StoryStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_StoryStatusChanges_To_At_From_SubmittedAt_StoryId_Comment",
                table: "StoryStatusChanges",
                columns: new[] { "To", "At", "From", "SubmittedAt", "StoryId", "Comment" });

            // SQLite only: the spend ledger's index carries the spend (see SqliteSpendLedgerIndex).
            migrationBuilder.Sql(CareStories.Domain.Data.SqliteSpendLedgerIndex.Covering);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CareStories.Domain.Data.SqliteSpendLedgerIndex.KeysOnly);

            migrationBuilder.DropIndex(
                name: "IX_StoryStatusChanges_To_At_From_SubmittedAt_StoryId_Comment",
                table: "StoryStatusChanges");

            migrationBuilder.CreateIndex(
                name: "IX_StoryStatusChanges_To_At",
                table: "StoryStatusChanges",
                columns: new[] { "To", "At" });
        }
    }
}
