# tests/blob.mk - properties of blobs, digests and derived outputs
# (tests/blob_props.sh) as a step of `make check`.
.PHONY: blob
blob: $(BUILD)/micac
	@tests/blob_props.sh $(BUILD)/micac
CHECK_STEPS += blob
