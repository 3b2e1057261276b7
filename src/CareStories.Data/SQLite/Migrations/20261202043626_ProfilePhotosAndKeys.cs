using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStories.Data.SQLite.Migrations
{
    /// <inheritdoc />
    public partial class ProfilePhotosAndKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_CreatedById",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_PersonId",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_TeamId",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_SubmittedAt",
                table: "Stories");

            migrationBuilder.AddColumn<string>(
                name: "PhotoKey",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProfilePhotoTakedowns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    AdminId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfilePhotoTakedowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfilePhotoTakedowns_AspNetUsers_AdminId",
                        column: x => x.AdminId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProfilePhotoTakedowns_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_CreatedAt_Id",
                table: "ThankYouLinks",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_CreatedById_CreatedAt_Id",
                table: "ThankYouLinks",
                columns: new[] { "CreatedById", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_PersonId_CreatedAt_Id",
                table: "ThankYouLinks",
                columns: new[] { "PersonId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_TeamId_CreatedAt_Id",
                table: "ThankYouLinks",
                columns: new[] { "TeamId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_SubmittedAt_Id",
                table: "Stories",
                columns: new[] { "Status", "SubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QuoteRedactions_At_Id",
                table: "QuoteRedactions",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PhotoTakedowns_At_Id",
                table: "PhotoTakedowns",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhotoKey",
                table: "AspNetUsers",
                column: "PhotoKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfilePhotoTakedowns_AdminId",
                table: "ProfilePhotoTakedowns",
                column: "AdminId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfilePhotoTakedowns_At_Id",
                table: "ProfilePhotoTakedowns",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfilePhotoTakedowns_PersonId_At",
                table: "ProfilePhotoTakedowns",
                columns: new[] { "PersonId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ProfilePhotoTakedowns");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_CreatedAt_Id",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_CreatedById_CreatedAt_Id",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_PersonId_CreatedAt_Id",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_ThankYouLinks_TeamId_CreatedAt_Id",
                table: "ThankYouLinks");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_SubmittedAt_Id",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_QuoteRedactions_At_Id",
                table: "QuoteRedactions");

            migrationBuilder.DropIndex(
                name: "IX_PhotoTakedowns_At_Id",
                table: "PhotoTakedowns");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PhotoKey",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PhotoKey",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_CreatedById",
                table: "ThankYouLinks",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_PersonId",
                table: "ThankYouLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ThankYouLinks_TeamId",
                table: "ThankYouLinks",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_SubmittedAt",
                table: "Stories",
                columns: new[] { "Status", "SubmittedAt" });
        }
    }
}
