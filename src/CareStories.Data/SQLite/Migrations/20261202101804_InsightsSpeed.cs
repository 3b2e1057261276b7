using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class InsightsSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applause_At",
                table: "Applause");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_OccurredOn_Spend",
                table: "Stories",
                columns: new[] { "Status", "OccurredOn" },
                filter: "\"SpendAmount\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Applause_At_StoryId",
                table: "Applause",
                columns: new[] { "At", "StoryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_OccurredOn_Spend",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Applause_At_StoryId",
                table: "Applause");

            migrationBuilder.CreateIndex(
                name: "IX_Applause_At",
                table: "Applause",
                column: "At");
        }
    }
}
