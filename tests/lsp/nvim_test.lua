-- nvim_test.lua - run by tests/lsp/nvim_check.py in headless Neovim (0.7 or
-- later): attaches Neovim's own LSP client to `micac lsp`, opens each case's
-- file, and checks what the editor holds: the diagnostics (vim.diagnostic,
-- byte columns after Neovim's UTF-16 conversion), hover text, and where
-- go-to-definition lands. Writes one "PASS name" / "FAIL name: why" line per
-- check to $LSP_OUT, then quits.
local spec = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('LSP_SPEC')), '\n'))
local out = {}
local published = {}

local function report(ok, name, why)
  table.insert(out, (ok and 'PASS ' or 'FAIL ') .. name .. (ok and '' or (': ' .. why)))
end

local client_id = vim.lsp.start_client({
  cmd = { spec.micac, 'lsp' },
  name = 'micac',
  root_dir = spec.root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      published[result.uri] = true
    end,
  },
})

local function diag_tuple(d)
  return string.format('%s %d:%d-%d:%d', tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col)
end

local function request(buf, method, params)
  local res = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not res or not res[client_id] then
    return nil, 'no answer'
  end
  if res[client_id].err then
    return nil, vim.inspect(res[client_id].err)
  end
  return res[client_id].result
end

for _, case in ipairs(spec.cases) do
  vim.cmd('edit ' .. vim.fn.fnameescape(case.path))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.buf_attach_client(buf, client_id)
  if not vim.wait(10000, function() return published[uri] end, 20) then
    report(false, 'diagnostics ' .. case.path, 'none published within 10 s')
  elseif case.diags then
    local got = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(got, diag_tuple(d))
    end
    table.sort(got)
    local want = {}
    for _, d in ipairs(case.diags) do
      table.insert(want, diag_tuple(d))
    end
    table.sort(want)
    local g, w = table.concat(got, ', '), table.concat(want, ', ')
    report(g == w, 'diagnostics ' .. case.path, 'got {' .. g .. '} want {' .. w .. '}')
  end
  for _, h in ipairs(case.hovers or {}) do
    vim.api.nvim_win_set_cursor(0, { h.line + 1, h.col })
    local r, why = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params())
    local text = r and r.contents and r.contents.value
    report(text == h.text, 'hover ' .. case.path .. ':' .. h.line .. ':' .. h.col,
      why or ('got ' .. vim.inspect(text) .. ' want ' .. vim.inspect(h.text)))
  end
  for _, d in ipairs(case.definitions or {}) do
    vim.api.nvim_win_set_cursor(0, { d.line + 1, d.col })
    local r, why = request(buf, 'textDocument/definition', vim.lsp.util.make_position_params())
    local name = 'definition ' .. case.path .. ':' .. d.line .. ':' .. d.col
    if not r then
      report(false, name, why or 'null')
    else
      -- Jump as the editor does, and look where the cursor is.
      vim.lsp.util.jump_to_location(r[1] or r, 'utf-16')
      local pos = vim.api.nvim_win_get_cursor(0)
      report(pos[1] - 1 == d.to_line and pos[2] == d.to_col, name,
        string.format('cursor at %d:%d, want %d:%d', pos[1] - 1, pos[2], d.to_line, d.to_col))
      vim.cmd('buffer ' .. buf)
    end
  end
end

vim.fn.writefile(out, os.getenv('LSP_OUT'))
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd('qa!')
