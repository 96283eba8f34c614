/* blob_check.c - the backend's validator, as micac reports it. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "blob/blob_check.h"
#include "mica_policy.h"

static void describe(const struct mica_blob_error *e, char *err, size_t errlen)
{
	const char *table = mica_blob_table_name(e->table);
	const char *reason = mica_blob_fault_reason(e->fault);

	if (e->table == MICA_BLOB_IN_HEADER)
		snprintf(err, errlen, "offset 0x%x: header: %s", (unsigned)e->offset, reason);
	else if (e->index == MICA_BLOB_NO_INDEX)
		snprintf(err, errlen, "offset 0x%x: %s: %s", (unsigned)e->offset, table, reason);
	else
		snprintf(err, errlen, "offset 0x%x: %s %u: %s", (unsigned)e->offset, table,
			 (unsigned)e->index, reason);
}

int blob_check(const void *blob, size_t size, char *err, size_t errlen)
{
	struct mica_blob_error e;
	int rc = mica_blob_validate(blob, size, &e);

	if (rc == 0)
		return BLOB_OK;
	if (rc == -ENOTSUP) {
		const uint8_t *b = blob;

		/* The validator only says so once the magic matched and the
		 * version field (offset 8, little-endian) is there to read. */
		if (err && size >= 10)
			snprintf(err, errlen, "format version %u (this micac reads version %u)",
				 (unsigned)(b[8] | b[9] << 8), MICA_BLOB_FORMAT_VERSION);
		else if (err)
			snprintf(err, errlen, "unsupported format version");
		return BLOB_VERSION;
	}
	if (err)
		describe(&e, err, errlen);
	return BLOB_INVALID;
}
