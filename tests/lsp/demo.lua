-- demo.lua - Neovim setup for docs/img/lsp-neovim.png (tests/lsp/screenshot.sh):
-- attaches `micac lsp` to the open buffer, as docs/lsp.md shows, then opens
-- the hover of the name at $DEMO_LINE:$DEMO_COL once diagnostics are in.
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.opt.termguicolors = true
vim.opt.laststatus = 2
vim.opt.wrap = false
vim.cmd('highlight NormalFloat guibg=#2d2d30 guifg=#e0e0e0')
vim.cmd('highlight FloatBorder guibg=#2d2d30 guifg=#808080')
vim.lsp.handlers['textDocument/hover'] = vim.lsp.with(vim.lsp.handlers.hover, { border = 'rounded' })
vim.diagnostic.config({ virtual_text = true, underline = true, signs = true })
-- The init file runs before the file is loaded: attach once it is.
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local id = vim.lsp.start_client({
    cmd = { os.getenv('MICAC'), 'lsp' },
    name = 'micac',
    root_dir = vim.fn.getcwd(),
  })
  vim.lsp.buf_attach_client(0, id)
  vim.wait(5000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv('DEMO_LINE')), tonumber(os.getenv('DEMO_COL')) })
  -- Scroll so that more room is below the cursor than above: the hover
  -- opens below it and leaves the diagnostics in view.
  vim.fn.winrestview({ topline = tonumber(os.getenv('DEMO_TOP')) })
  vim.defer_fn(vim.lsp.buf.hover, 300)
end })
