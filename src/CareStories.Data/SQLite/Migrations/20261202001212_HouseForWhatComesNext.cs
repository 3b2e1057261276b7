using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class HouseForWhatComesNext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeaturedStories",
                columns: table => new
                {
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slot = table.Column<int>(type: "INTEGER", nullable: false),
                    FeaturedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FeaturedById = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeaturedStories", x => x.StoryId);
                    table.CheckConstraint("CK_FeaturedStories_Slot", "\"Slot\" BETWEEN 1 AND 3");
                    table.ForeignKey(
                        name: "FK_FeaturedStories_AspNetUsers_FeaturedById",
                        column: x => x.FeaturedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeaturedStories_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStories_FeaturedAt",
                table: "FeaturedStories",
                column: "FeaturedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStories_FeaturedById",
                table: "FeaturedStories",
                column: "FeaturedById");

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStories_Slot",
                table: "FeaturedStories",
                column: "Slot",
                unique: true);

            // Featuring moves to its own table. The stories featured now keep their featuring, newest first in the
            // slots; the feed only ever showed the newest three, so any beyond that are not carried over.
            // Plain SQL with a window function, which SQLite (3.25+) and PostgreSQL both run.
            migrationBuilder.Sql(
                """
                INSERT INTO "FeaturedStories" ("StoryId", "Slot", "FeaturedAt", "FeaturedById")
                SELECT "Id", "Slot", "FeaturedAt", "FeaturedById"
                FROM (
                    SELECT "Id", "FeaturedAt", "FeaturedById",
                           ROW_NUMBER() OVER (ORDER BY "FeaturedAt" DESC, "Id" DESC) AS "Slot"
                    FROM "Stories"
                    WHERE "FeaturedAt" IS NOT NULL AND "FeaturedById" IS NOT NULL
                ) AS "Featured"
                WHERE "Slot" <= 3;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Stories_AspNetUsers_FeaturedById",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_FeaturedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_FeaturedById",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "FeaturedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "FeaturedById",
                table: "Stories");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Stories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CustomerThanksId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeliveryAttempts",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CustomerThanks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CustomerThanksId",
                table: "Notifications",
                column: "CustomerThanksId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DeliveredAt_CreatedAt_Id",
                table: "Notifications",
                columns: new[] { "DeliveredAt", "CreatedAt", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_CustomerThanks_CustomerThanksId",
                table: "Notifications",
                column: "CustomerThanksId",
                principalTable: "CustomerThanks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_CustomerThanks_CustomerThanksId",
                table: "Notifications");


            migrationBuilder.DropIndex(
                name: "IX_Notifications_CustomerThanksId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DeliveredAt_CreatedAt_Id",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "CustomerThanksId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DeliveredAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DeliveryAttempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CustomerThanks");

            migrationBuilder.AddColumn<long>(
                name: "FeaturedAt",
                table: "Stories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FeaturedById",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stories_FeaturedAt",
                table: "Stories",
                column: "FeaturedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_FeaturedById",
                table: "Stories",
                column: "FeaturedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Stories_AspNetUsers_FeaturedById",
                table: "Stories",
                column: "FeaturedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql(
                """
                UPDATE "Stories"
                SET "FeaturedAt" = (SELECT f."FeaturedAt" FROM "FeaturedStories" AS f WHERE f."StoryId" = "Stories"."Id"),
                    "FeaturedById" = (SELECT f."FeaturedById" FROM "FeaturedStories" AS f WHERE f."StoryId" = "Stories"."Id")
                WHERE "Id" IN (SELECT "StoryId" FROM "FeaturedStories");
                """);

            migrationBuilder.DropTable(
                name: "FeaturedStories");
        }
    }
}
