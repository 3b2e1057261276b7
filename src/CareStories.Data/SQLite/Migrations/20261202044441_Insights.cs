using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class Insights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NotRecognisedDays",
                table: "CompanySettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ManagerNudges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ManagerId = table.Column<string>(type: "TEXT", nullable: false),
                    WeekOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotRecognised = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManagerNudges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManagerNudges_AspNetUsers_ManagerId",
                        column: x => x.ManagerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "CompanySettings",
                keyColumn: "Id",
                keyValue: 1,
                column: "NotRecognisedDays",
                value: 90);

            migrationBuilder.CreateIndex(
                name: "IX_StoryStatusChanges_To_At",
                table: "StoryStatusChanges",
                columns: new[] { "To", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Celebrations_At",
                table: "Celebrations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Applause_At",
                table: "Applause",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ManagerNudges_ManagerId_WeekOf",
                table: "ManagerNudges",
                columns: new[] { "ManagerId", "WeekOf" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManagerNudges");

            migrationBuilder.DropIndex(
                name: "IX_StoryStatusChanges_To_At",
                table: "StoryStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Celebrations_At",
                table: "Celebrations");

            migrationBuilder.DropIndex(
                name: "IX_Applause_At",
                table: "Applause");

            migrationBuilder.DropColumn(
                name: "NotRecognisedDays",
                table: "CompanySettings");
        }
    }
}
